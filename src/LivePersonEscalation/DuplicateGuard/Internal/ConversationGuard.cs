namespace LivePersonEscalation.Internal;

/// <summary>
/// One conversation, one escalation: the guard's states and transitions, over an <see cref="IDuplicateGuardStore"/>.
/// <list type="table">
/// <item><term>no entry</term><description>a call claims it (in flight) and sends.</description></item>
/// <item><term>in flight</term><description>a repeat waits for the owner's outcome (its own token ends only its own wait), then looks again.</description></item>
/// <item><term>accepted</term><description>a repeat gets the earlier answer, for the window.</description></item>
/// <item><term>outcome unknown</term><description>a repeat is refused, for the window (or the entry is not kept, see <see cref="OutcomeUnknownHandling"/>).</description></item>
/// <item><term>provably not accepted</term><description>the owner removes the entry: callers waiting on it share the refusal, the next call sends.</description></item>
/// </list>
/// What a caller does with an earlier entry (a result, a refusal) is the client's business, not the guard's.
/// </summary>
internal sealed class ConversationGuard(IDuplicateGuardStore store, GuardSettings settings, EscalationTelemetry telemetry)
{
    // Each round is a claim that lost to another call which then provably failed; a few in a row is already rare.
    private const int MaxRounds = 8;

    /// <summary>
    /// Claims <paramref name="conversationId"/> for this call, or returns the settled entry of an earlier call. When
    /// the store cannot be reached, the call sends unguarded or is refused, as <see cref="GuardSettings.WhenStoreUnavailable"/> says.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> ended this caller's wait.</exception>
    public async ValueTask<GuardDecision> EnterAsync(string conversationId, string agentSkillId, CancellationToken cancellationToken)
    {
        var key = settings.KeyPrefix.Length == 0 ? conversationId : settings.KeyPrefix + conversationId;
        var claim = new DuplicateGuardEntry { State = DuplicateGuardState.InFlight, Owner = OwnerIds.Next(), AgentSkillId = agentSkillId };
        try
        {
            for (var round = 1; round <= MaxRounds; round++)
            {
                var existing = await store.TryClaimAsync(key, claim, settings.ClaimExpiry, cancellationToken).ConfigureAwait(false);
                if (existing is null)
                {
                    return GuardDecision.Send(key, claim.Owner);
                }

                if (existing.State == DuplicateGuardState.InFlight)
                {
                    existing = await store.WaitWhileInFlightAsync(key, existing, settings.ClaimExpiry, cancellationToken).ConfigureAwait(false);
                }

                // Forgotten, expired, still in flight past its claim, or a refused escalation to another skill: look again.
                if (existing is not null && existing.State != DuplicateGuardState.InFlight
                    && (existing.State != DuplicateGuardState.NotAccepted || existing.AgentSkillId == agentSkillId))
                {
                    return GuardDecision.Earlier(existing);
                }
            }

            return GuardDecision.Contended(MaxRounds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            telemetry.GuardStoreFailed(ex);
            return settings.WhenStoreUnavailable == StoreUnavailableHandling.Refuse
                ? GuardDecision.StoreUnavailable(ex)
                : GuardDecision.Unguarded;
        }
    }

    /// <summary>
    /// Settles this call's claim with what the wire decided: <paramref name="outcome"/> kept for the window, or the
    /// conversation forgotten when null. Never cancelled by the caller, and never throws: a store that fails is
    /// reported, and its entry expires with the claim.
    /// </summary>
    public async ValueTask SettleAsync(GuardDecision decision, DuplicateGuardEntry? outcome)
    {
        if (outcome is { State: DuplicateGuardState.OutcomeUnknown } && settings.WhenOutcomeUnknown == OutcomeUnknownHandling.AllowRepeats)
        {
            outcome = null;
        }

        try
        {
            await store.SettleAsync(decision.Key!, decision.Owner!, outcome, settings.Window, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A guard store's failure must not turn an escalation's real outcome into an error.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            telemetry.GuardStoreFailed(ex);
        }
    }
}
