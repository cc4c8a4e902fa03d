using LivePersonEscalation.DuplicateGuard;

namespace LivePersonEscalation.Internal;

/// <summary>
/// One conversation, one escalation, in two tiers that keep the same record under the same rules
/// (<see cref="GuardRules"/>): the instance's own store, always, in front of a shared store (Redis) that makes a fleet
/// agree, when there is one. Callers of one instance take turns: only the one whose turn it is asks the shared store,
/// which decides; the others wait for its answer. A shared store that cannot answer costs one operation timeout at
/// most: the call is answered from the instance's own record, or sent guarded by the instance alone (or refused, as
/// <see cref="StoreUnavailableHandling"/> says), and what the instance learns meanwhile is written to the shared store
/// when it answers again, decided again from the record it holds then.
/// </summary>
internal sealed partial class ConversationGuard
{
    // Each round is a write that lost to another at once, or a wait that ended; a few in a row is already rare.
    private const int MaxRounds = 8;

    private readonly InProcessGuardStore _local;
    private readonly SharedStoreCalls? _shared;
    private readonly PendingWrites? _pending;
    private readonly GuardSettings _settings;
    private readonly EscalationTelemetry _telemetry;
    private readonly TimeProvider _time;

    public ConversationGuard(GuardSettings settings, IDuplicateGuardStore? shared, EscalationTelemetry telemetry, TimeProvider timeProvider)
    {
        _settings = settings;
        _telemetry = telemetry;
        _time = timeProvider;
        _local = new InProcessGuardStore(settings.MaxConversations, settings.MaxMemoryBytes, timeProvider);
        if (shared is not null)
        {
            _shared = new SharedStoreCalls(shared, settings.StoreTimeout, settings.ClaimExpiry, timeProvider);
            _pending = new PendingWrites(_shared, telemetry, timeProvider);
        }
    }

    /// <summary>The instance's tier.</summary>
    public InProcessGuardStore Local => _local;

    /// <summary>Writes to the shared store still under way.</summary>
    public int PendingWriteCount => _pending?.Count ?? 0;

    /// <summary>
    /// Claims <paramref name="conversationId"/> for a call to <paramref name="skillId"/>, in the instance's tier and
    /// then the shared one, or returns what an earlier escalation answers.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> ended this caller's wait.</exception>
    public async ValueTask<GuardClaim> EnterAsync(string conversationId, string skillId, CancellationToken cancellationToken)
    {
        var owner = EscalationIds.Create();
        var turn = await TakeLocalTurnAsync(conversationId, owner, skillId, cancellationToken).ConfigureAwait(false);
        if (turn.Answer is { } answer || _shared is null)
        {
            return turn.Answer ?? GuardClaim.Owned(this, conversationId, owner, skillId, shared: null);
        }

        try
        {
            return await EnterSharedAsync(conversationId, owner, skillId, turn.Before, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // This caller stopped waiting on another instance: the instance's next caller takes the turn.
            EndLocalTurn(conversationId, owner, turn.Before);
            throw;
        }
    }

    /// <summary>Settles this call's claim with what the wire decided; see <see cref="GuardClaim.Settle"/>.</summary>
    public void Settle(GuardClaim claim, ConversationRecord outcome, EscalationSettings settings)
    {
        if (outcome.State == GuardState.Unknown && _settings.WhenOutcomeUnknown == OutcomeUnknownHandling.AllowRepeats)
        {
            outcome = outcome with { State = GuardState.None };
        }

        var fallbackWindow = settings.Fallback.Window;
        ApplyLocally(claim.ConversationId, (current, now) => GuardRules.Settle(current, outcome, _settings.Window, fallbackWindow, now));
        _pending?.Start(
            SharedKey(claim.ConversationId),
            claim.SharedRecord,
            (current, now) => GuardRules.Settle(current, outcome, _settings.Window, fallbackWindow, now),
            outcome.State is GuardState.Accepted or GuardState.Unknown ? _settings.Window : _settings.ClaimExpiry);
    }

    /// <summary>Waits at most <paramref name="bound"/> for the shared store's pending writes.</summary>
    public Task DrainAsync(TimeSpan bound, TimeSpan stopBound) => _pending?.DrainAsync(bound, stopBound) ?? Task.CompletedTask;

    /// <summary>
    /// The instance's turn for the conversation: claimed in its own tier (waiting while another of its callers holds
    /// it). Without a shared store that claim is the call's; with one, it is the turn to ask the shared store. A
    /// caller that waited on the turn of another takes the answer that turn left.
    /// </summary>
    private async ValueTask<(GuardClaim? Answer, ConversationRecord? Before)> TakeLocalTurnAsync(string conversationId, string owner, string skillId, CancellationToken cancellationToken)
    {
        string? waitedOn = null;
        DuplicateGuardRecord? changed = null;
        for (var round = 1; round <= MaxRounds; round++)
        {
            // After a wait, the record the change left is decided on as it was handed over: read again, it may
            // already be gone (a bounded table forgets the oldest settled records as others settle), and its answer
            // with it, which would send the conversation a second time.
            var current = changed ?? _local.Read(conversationId);
            changed = null;
            var now = _time.GetUtcNow();
            var decision = GuardRules.Claim(current?.Conversation, owner, skillId, _settings.ClaimExpiry, answersFromSettled: _shared is null || waitedOn is not null, waitedOn, now);
            switch (decision.Verdict)
            {
                case ClaimVerdict.Wait:
                    waitedOn = decision.Current!.Owner;
                    changed = await _local.WaitForChangeAsync(conversationId, current!.Version, Until(decision.Current.EntryExpiresAt, now), cancellationToken).ConfigureAwait(false);
                    continue;
                case ClaimVerdict.Earlier or ClaimVerdict.GivenUp:
                    return (GuardClaim.FromEarlier(decision.Current!), null);
            }

            if (decision.Next is not { } next)
            {
                return (null, decision.Current);
            }

            var claim = DuplicateGuardRecord.New(next, _time.GetUtcNow());
            try
            {
                if (_local.Write(conversationId, current?.Version, claim) == claim)
                {
                    return (null, decision.Current);
                }
            }
            catch (GuardCapacityException full)
            {
                return (Unavailable(full, conversationId, owner, skillId, localClaimed: false), null);
            }
        }

        return (GuardClaim.Refused(EscalationFailures.Contended(MaxRounds)), null);
    }

    /// <summary>Applies <paramref name="rule"/> to the instance's record of the conversation until it is written (or changes nothing).</summary>
    private ConversationRecord? ApplyLocally(string conversationId, Func<ConversationRecord?, DateTimeOffset, ConversationRecord?> rule)
    {
        for (var round = 1; round <= MaxRounds; round++)
        {
            var current = _local.Read(conversationId);
            if (rule(current?.Conversation, _time.GetUtcNow()) is not { } next)
            {
                return current?.Conversation;
            }

            var record = DuplicateGuardRecord.New(next, _time.GetUtcNow());
            try
            {
                if (_local.Write(conversationId, current?.Version, record) == record)
                {
                    return next;
                }
            }
            catch (GuardCapacityException)
            {
                // A claim the instance cannot take: the call goes on as the shared store (or nobody) guards it.
                return current?.Conversation;
            }
        }

        return _local.Read(conversationId)?.Conversation;
    }

    /// <summary>Ends the instance's turn without a send: the record it found is put back (or the shared store's answer taken in its place).</summary>
    private void EndLocalTurn(string conversationId, string owner, ConversationRecord? replacement) =>
        ApplyLocally(conversationId, (current, now) =>
            current is { State: GuardState.InFlight } && current.Owner == owner
                ? (GuardRules.Live(replacement, now) ?? ConversationRecord.Empty with { IssuedExpiresAt = now })
                : null);

    private string SharedKey(string conversationId) => _settings.KeyPrefix + conversationId;

    private static TimeSpan Until(DateTimeOffset time, DateTimeOffset now) => time > now ? time - now : TimeSpan.Zero;
}
