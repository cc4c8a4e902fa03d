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
internal sealed partial class ConversationGuard
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

    /// <summary>Waits at most <paramref name="bound"/> for the shared store's pending writes.</summary>
    public Task DrainAsync(TimeSpan bound) => _pendingSettles?.DrainAsync(bound) ?? Task.CompletedTask;
}
