using LivePersonEscalation.DuplicateGuard;

namespace LivePersonEscalation.Internal;

/// <summary>
/// One conversation, one escalation, in two tiers: the instance's own store, always, in front of a shared store
/// (Redis) that makes a fleet agree, when there is one. States, in either tier:
/// <list type="table">
/// <item><term>no entry</term><description>a call claims it (in flight) and sends.</description></item>
/// <item><term>in flight</term><description>a repeat waits for the owner's outcome (its own token ends only its own wait), then looks again.</description></item>
/// <item><term>accepted</term><description>a repeat gets the earlier answer, for the window.</description></item>
/// <item><term>outcome unknown</term><description>a repeat is refused, for the window (or the entry is not kept, see <see cref="OutcomeUnknownHandling"/>).</description></item>
/// <item><term>provably not accepted</term><description>the owner removes the entry: callers waiting on it share the refusal, the next call sends.</description></item>
/// <item><term>transfer failed</term><description>a report said the accepted escalation's transfer failed: the next call sends (to the fallback, or any skill).</description></item>
/// <item><term>given up</term><description>the conversation's transfers failed too often, or had nowhere left to go: every call is refused, for the fallback window.</description></item>
/// </list>
/// Callers of one instance share one claim: only the instance's owner of a conversation talks to the shared store,
/// which decides whenever there is one (another instance may have been told the transfer failed): the instance's own
/// settled entries answer only while it cannot be reached.
/// A shared store that cannot answer costs one operation timeout at most, and degrades to the instance's tier alone
/// (or refuses, as <see cref="StoreUnavailableHandling"/> says); what was sent meanwhile is written there when it answers again.
/// </summary>
internal sealed class ConversationGuard
{
    // Each round is a claim that lost to another call which then provably failed; a few in a row is already rare.
    private const int MaxRounds = 8;

    private readonly InMemoryDuplicateGuardStore _local;
    private readonly IDuplicateGuardStore? _shared;
    private readonly SharedStoreGate? _gate;
    private readonly PendingSettles? _pendingSettles;
    private readonly GuardSettings _settings;
    private readonly EscalationTelemetry _telemetry;

    public ConversationGuard(GuardSettings settings, IDuplicateGuardStore? shared, EscalationTelemetry telemetry, TimeProvider timeProvider)
    {
        _settings = settings;
        _telemetry = telemetry;
        _local = new InMemoryDuplicateGuardStore(settings.MaxConversations, settings.MaxMemoryBytes, timeProvider);
        _shared = shared;
        if (shared is not null)
        {
            _gate = new SharedStoreGate(settings.OperationTimeout, settings.ClaimExpiry, timeProvider);
            _pendingSettles = new PendingSettles(shared, _gate, telemetry, timeProvider);
        }
    }

    /// <summary>The instance's tier.</summary>
    public InMemoryDuplicateGuardStore Local => _local;

    /// <summary>Writes to the shared store still under way.</summary>
    public int PendingSettleCount => _pendingSettles?.Count ?? 0;

    /// <summary>
    /// Claims <paramref name="conversationId"/> for this call in the instance's tier and then the shared one, or
    /// returns the settled entry of an earlier call.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> ended this caller's wait.</exception>
    public ValueTask<GuardClaim> EnterAsync(string conversationId, string agentSkillId, int transferFailures, CancellationToken cancellationToken)
    {
        var claim = new DuplicateGuardEntry
        {
            State = DuplicateGuardState.InFlight,
            Owner = EscalationIds.Create(agentSkillId),
            AgentSkillId = agentSkillId,
            TransferFailures = transferFailures,
        };

        // The common case, a conversation nobody else is escalating on an instance alone, is decided at once.
        return _shared is null && TryClaimAtOnce(conversationId, claim)
            ? new ValueTask<GuardClaim>(GuardClaim.Owned(this, conversationId, claim, lateSharedClaim: null))
            : EnterCoreAsync(conversationId, claim, cancellationToken);
    }

    private async ValueTask<GuardClaim> EnterCoreAsync(string conversationId, DuplicateGuardEntry claim, CancellationToken cancellationToken)
    {
        var (local, replaced) = await ClaimLocallyAsync(conversationId, claim, cancellationToken).ConfigureAwait(false);
        var localEarlier = replaced is { Entry.State: not DuplicateGuardState.TransferFailed } ? replaced : null;
        if (local is not null || _shared is null)
        {
            return local ?? GuardClaim.Owned(this, conversationId, claim, lateSharedClaim: null);
        }

        try
        {
            return await EnterSharedAsync(conversationId, claim, localEarlier, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // This caller stopped waiting on another instance: the next caller of this instance looks again.
            RestoreLocally(conversationId, claim.Owner, localEarlier, answer: null);
            throw;
        }
    }

    /// <summary>Settles this call's <paramref name="claim"/> with what the wire decided; see <see cref="GuardClaim.Settle"/>.</summary>
    public void Settle(string conversationId, DuplicateGuardEntry claim, SendOutcome? outcome, Task? lateSharedClaim)
    {
        var owner = claim.Owner;
        var entry = EntryOf(outcome, claim);
        if (entry is { State: DuplicateGuardState.Unknown } && _settings.WhenOutcomeUnknown == OutcomeUnknownHandling.AllowRepeats)
        {
            entry = null;
        }

        _local.Settle(conversationId, owner, entry, _settings.Window);
        _pendingSettles?.Start(SharedKey(conversationId), owner, entry, _settings.Window, _settings.ClaimExpiry, lateSharedClaim);
    }

    /// <summary>
    /// Records a failed transfer of the conversation (see <see cref="TransferFailureStep"/>) in the shared store, which
    /// the fleet shares, and keeps what it recorded in the instance's tier too; in the instance's tier alone while the
    /// shared store cannot answer (or refuses, as <see cref="StoreUnavailableHandling"/> says).
    /// </summary>
    /// <returns>The record after the report, or null when nothing says which skill failed.</returns>
    /// <exception cref="EscalationException">The shared store cannot be reached and must not be bypassed.</exception>
    public async ValueTask<TransferFailureRecord?> RecordTransferFailureAsync(string conversationId, string? escalationId, string? agentSkillId, TransferFailureRules rules)
    {
        if (_shared is null)
        {
            return _local.RecordTransferFailure(conversationId, escalationId, agentSkillId, rules);
        }

        // A report that names no escalation means this instance's own when it has one: its write to the shared store
        // may still be under way.
        escalationId ??= _local.SettledEscalationOf(conversationId);
        var key = SharedKey(conversationId);
        var step = await _gate!.AskAsync(() => _shared.RecordTransferFailureAsync(key, escalationId, agentSkillId, rules, CancellationToken.None)).ConfigureAwait(false);
        if (!step.Answered)
        {
            _telemetry.GuardStoreFailed(step.Failure!);
            if (_settings.WhenStoreUnavailable == StoreUnavailableHandling.Refuse)
            {
                throw EscalationFailures.GuardUnavailable(step.Failure!);
            }

            return _local.RecordTransferFailure(conversationId, escalationId, agentSkillId, rules);
        }

        // Only what this report counted: a repeat's record keeps its own expiry in the shared store.
        if (step.Value is { Counted: true } record)
        {
            var failed = escalationId ?? (record.Counted && record.ReportedEscalationIds.Count > 0 ? record.ReportedEscalationIds[record.ReportedEscalationIds.Count - 1] : null);
            _local.Mirror(conversationId, record, failed, rules.Window);
        }

        return step.Value;
    }

    /// <summary>Waits at most <paramref name="bound"/> for the shared store's pending writes.</summary>
    public Task DrainAsync(TimeSpan bound) => _pendingSettles?.DrainAsync(bound) ?? Task.CompletedTask;

    /// <summary>True when this call claimed <paramref name="key"/> in the instance's tier at its first try; false when anything else happened.</summary>
    private bool TryClaimAtOnce(string key, DuplicateGuardEntry claim)
    {
        try
        {
            return _local.TryClaim(key, claim, _settings.ClaimExpiry, replaceSettled: false, out _) is null;
        }
        catch (GuardCapacityException)
        {
            // Full: the full path below meets it again, and says so.
            return false;
        }
    }

    /// <summary>
    /// Null when this call claimed <paramref name="key"/> in the instance's tier (with the settled entry it replaced,
    /// when a shared store decides), else what it answers from.
    /// </summary>
    private async ValueTask<(GuardClaim? Answer, SettledEntry? Replaced)> ClaimLocallyAsync(string key, DuplicateGuardEntry claim, CancellationToken cancellationToken)
    {
        for (var round = 1; round <= MaxRounds; round++)
        {
            DuplicateGuardEntry? existing;
            SettledEntry? replaced;
            try
            {
                existing = _local.TryClaim(key, claim, _settings.ClaimExpiry, replaceSettled: _shared is not null, out replaced);
            }
            catch (GuardCapacityException full)
            {
                return (Unavailable(full, conversationId: null, claim), null);
            }

            if (existing is null)
            {
                return (null, replaced);
            }

            if (existing.State == DuplicateGuardState.InFlight)
            {
                existing = await _local.WaitWhileInFlightAsync(key, existing, _settings.ClaimExpiry, cancellationToken).ConfigureAwait(false);
            }

            if (IsAnswer(existing, claim.AgentSkillId))
            {
                return (GuardClaim.FromEarlier(existing!), null);
            }
        }

        return (GuardClaim.Refused(EscalationFailures.Contended(MaxRounds)), null);
    }

    private async ValueTask<GuardClaim> EnterSharedAsync(string conversationId, DuplicateGuardEntry claim, SettledEntry? localEarlier, CancellationToken cancellationToken)
    {
        var key = SharedKey(conversationId);
        for (var round = 1; round <= MaxRounds; round++)
        {
            var step = await _gate!.AskAsync(() => _shared!.TryClaimAsync(key, claim, _settings.ClaimExpiry, CancellationToken.None)).ConfigureAwait(false);
            if (!step.Answered)
            {
                return localEarlier is { } known
                    ? AnswerLocally(conversationId, claim, known, step.Pending, storeFailure: step.Failure)
                    : Unavailable(step.Failure!, conversationId, claim, step.Pending);
            }

            var existing = step.Value;
            if (existing is null && localEarlier is { } settled)
            {
                // Claimed where nothing was: an entry this instance settled and the shared store no longer has
                // (expired a moment earlier there, or lost with Redis's data) still answers. Only a failed transfer
                // (the store hands back the claim itself) lets the conversation be sent again.
                return AnswerLocally(conversationId, claim, settled, lateSharedClaim: null, storeFailure: null);
            }

            if (existing is null || (existing.State == DuplicateGuardState.InFlight && existing.Owner == claim.Owner))
            {
                // Claimed, over a failed transfer, or found its own claim from an earlier try of this same step.
                return GuardClaim.Owned(this, conversationId, claim, lateSharedClaim: null);
            }

            if (existing.State == DuplicateGuardState.InFlight)
            {
                try
                {
                    existing = await _shared!.WaitWhileInFlightAsync(key, existing, _settings.ClaimExpiry, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    return Unavailable(ex, conversationId, claim);
                }
            }

            if (IsAnswer(existing, claim.AgentSkillId))
            {
                // The shared store's answer; this instance's waiters share it. The instance keeps its own settled
                // entry when the shared store agrees with it, so it still answers while that store is down.
                RestoreLocally(conversationId, claim.Owner, localEarlier, existing);
                return GuardClaim.FromEarlier(existing!);
            }
        }

        RestoreLocally(conversationId, claim.Owner, localEarlier, answer: null);
        return GuardClaim.Refused(EscalationFailures.Contended(MaxRounds));
    }

    /// <summary>
    /// Ends this instance's claim without a send: puts back the settled entry it replaced when
    /// <paramref name="answer"/> is that same escalation (or there is no answer), else hands <paramref name="answer"/> to the waiters.
    /// </summary>
    private void RestoreLocally(string conversationId, string owner, SettledEntry? replaced, DuplicateGuardEntry? answer)
    {
        if (replaced is { } known && known.Left > TimeSpan.Zero && (answer is null || answer.Owner == known.Entry.Owner))
        {
            _local.Settle(conversationId, owner, known.Entry, known.Left);
        }
        else
        {
            _local.Release(conversationId, owner, answer);
        }
    }

    /// <summary>
    /// Answers from this instance's own settled entry: puts it back in place of the claim, in both tiers (in the
    /// shared one added if absent, and only where the claim landed), and reports a store that could not answer.
    /// </summary>
    private GuardClaim AnswerLocally(string conversationId, DuplicateGuardEntry claim, SettledEntry known, Task? lateSharedClaim, Exception? storeFailure)
    {
        if (storeFailure is not null)
        {
            _telemetry.GuardStoreFailed(storeFailure);
        }

        var left = known.Left > TimeSpan.Zero ? known.Left : TimeSpan.FromMilliseconds(1);
        _local.Settle(conversationId, claim.Owner, known.Entry, left);
        _pendingSettles!.Start(SharedKey(conversationId), claim.Owner, known.Entry, left, _settings.ClaimExpiry, lateSharedClaim);
        return GuardClaim.FromEarlier(known.Entry);
    }

    /// <summary>
    /// A tier could not take the claim. The instance's own (<paramref name="conversationId"/> null, its byte budget
    /// full): send unguarded or refuse. The shared one: send guarded by the instance's tier alone (the claim stays
    /// this call's in both, and is written to the shared store when it answers again), or refuse and forget it.
    /// </summary>
    private GuardClaim Unavailable(Exception failure, string? conversationId, DuplicateGuardEntry claim, Task? lateSharedClaim = null)
    {
        _telemetry.GuardStoreFailed(failure);
        if (_settings.WhenStoreUnavailable == StoreUnavailableHandling.Refuse)
        {
            if (conversationId is not null)
            {
                Settle(conversationId, claim, outcome: null, lateSharedClaim);
            }

            return GuardClaim.Refused(EscalationFailures.GuardUnavailable(failure));
        }

        return conversationId is null
            ? GuardClaim.Unguarded
            : GuardClaim.Owned(this, conversationId, claim, lateSharedClaim);
    }

    /// <summary>The entry a sent escalation leaves: accepted, outcome unknown, a refusal for the waiters, or none (forget it).</summary>
    private static DuplicateGuardEntry? EntryOf(SendOutcome? outcome, DuplicateGuardEntry claim)
    {
        var (owner, agentSkillId) = (claim.Owner, claim.AgentSkillId);
        switch (outcome?.State)
        {
            case EscalationOutcome.Accepted:
                var result = outcome.Result!;
                var cut = result.Body.Length > DuplicateGuardEntry.MaxBodyLength;
                return new DuplicateGuardEntry
                {
                    State = DuplicateGuardState.Accepted,
                    Owner = owner,
                    AgentSkillId = agentSkillId,
                    StatusCode = result.StatusCode,
                    RequestId = result.RequestId,
                    Body = cut ? TextRules.CutAtCharacter(result.Body, DuplicateGuardEntry.MaxBodyLength) : result.Body,
                    IsBodyTruncated = cut || result.IsBodyTruncated,
                    Attempts = result.Attempts,
                    Elapsed = result.Elapsed,
                    TransferFailures = claim.TransferFailures,
                };
            case EscalationOutcome.NotAccepted when outcome.Failure is EscalationException refusal:
                // Callers waiting on this escalation share LivePerson's refusal; nobody else remembers it.
                return new DuplicateGuardEntry
                {
                    State = DuplicateGuardState.NotAccepted,
                    Owner = owner,
                    AgentSkillId = agentSkillId,
                    Reason = refusal.Kind.ToString(),
                    StatusCode = refusal.StatusCode ?? 0,
                    RequestId = refusal.RequestId,
                    Attempts = refusal.Attempts,
                    Elapsed = refusal.Elapsed,
                };
            case EscalationOutcome.NotAccepted or null:
                // Not sent, or the sender's own cancellation: a waiting caller claims the conversation and sends itself.
                return null;
            default:
                // Unknown, or the sender itself failed in a way nobody classified: assume it may have been accepted.
                return new DuplicateGuardEntry
                {
                    State = DuplicateGuardState.Unknown,
                    Owner = owner,
                    AgentSkillId = agentSkillId,
                    Reason = (outcome.Failure switch
                    {
                        EscalationException failure => failure.Kind,
                        OperationCanceledException => EscalationFailureKind.Canceled,
                        _ => EscalationFailureKind.ConnectionLost,
                    }).ToString(),
                    Attempts = (outcome.Failure as EscalationException)?.Attempts ?? 1,
                };
        }
    }

    private static bool IsAnswer(DuplicateGuardEntry? existing, string agentSkillId) =>
        // Forgotten, expired, still in flight past its claim, a failed transfer, or a refused escalation to another
        // skill: look again.
        existing is not null && existing.State is not DuplicateGuardState.InFlight and not DuplicateGuardState.TransferFailed
        && (existing.State != DuplicateGuardState.NotAccepted || existing.AgentSkillId == agentSkillId);

    private string SharedKey(string conversationId) => _settings.KeyPrefix + conversationId;
}
