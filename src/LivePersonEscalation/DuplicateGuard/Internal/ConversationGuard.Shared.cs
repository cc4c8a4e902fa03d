using LivePersonEscalation.DuplicateGuard;

namespace LivePersonEscalation.Internal;

/// <summary>
/// The shared tier: the instance's turn asks the shared store, which decides; while it cannot answer, the instance's
/// own record answers, or the call is sent guarded by the instance alone (or refused).
/// </summary>
internal sealed partial class ConversationGuard
{
    private async ValueTask<GuardClaim> EnterSharedAsync(string conversationId, string owner, string skillId, ConversationRecord? localBefore, CancellationToken cancellationToken)
    {
        var key = SharedKey(conversationId);

        // The first write assumes no record (the common case: one round trip); a conflict hands back the one there.
        DuplicateGuardRecord? current = null;
        string? waitedOn = null;
        for (var round = 1; round <= MaxRounds; round++)
        {
            var now = _time.GetUtcNow();
            var decision = GuardRules.Claim(current?.Conversation, owner, skillId, _settings.ClaimExpiry, answersFromSettled: true, waitedOn, now);
            StoreStep<DuplicateGuardRecord> step;
            switch (decision.Verdict)
            {
                case ClaimVerdict.Earlier or ClaimVerdict.GivenUp:
                    // The shared store's answer; the instance keeps it (but for another instance's claim in flight,
                    // whose settle lands there), so its waiters share it and it answers while that store is down.
                    EndLocalTurn(conversationId, owner, GuardRules.Mirror(decision.Current!, ownClaim: null));
                    return GuardClaim.FromEarlier(decision.Current!);
                case ClaimVerdict.Wait:
                    waitedOn = decision.Current!.Owner;
                    RenewLocalTurn(conversationId, owner);
                    step = await _shared!.WaitForChangeAsync(key, current!.Version, Until(decision.Current.EntryExpiresAt, now), cancellationToken).ConfigureAwait(false);
                    if (!step.Answered && GuardRules.Live(decision.Current, _time.GetUtcNow()) is { State: GuardState.InFlight } sending)
                    {
                        // The store stopped answering while another instance's escalation of the conversation was in
                        // flight: that one goes on, so this call must not send a second.
                        _telemetry.GuardStoreFailed(step.Failure!);
                        EndLocalTurn(conversationId, owner, localBefore);
                        return GuardClaim.Refused(EscalationFailures.InFlightElsewhere(sending, step.Failure!));
                    }

                    break;
                default:
                    if (decision.Next is not { } next)
                    {
                        RenewLocalTurn(conversationId, owner);
                        return GuardClaim.Owned(this, conversationId, owner, skillId, current);
                    }

                    var claim = DuplicateGuardRecord.New(next, _time.GetUtcNow());
                    step = await _shared!.WriteAsync(key, current?.Version, claim).ConfigureAwait(false);
                    if (step.Answered && step.Value?.Version == claim.Version)
                    {
                        RenewLocalTurn(conversationId, owner);
                        return GuardClaim.Owned(this, conversationId, owner, skillId, claim);
                    }

                    break;
            }

            if (!step.Answered)
            {
                return SharedUnavailable(step.Failure!, conversationId, owner, skillId, localBefore);
            }

            current = step.Value;
        }

        EndLocalTurn(conversationId, owner, localBefore);
        return GuardClaim.Refused(EscalationFailures.Contended(MaxRounds));
    }

    /// <summary>
    /// The shared store did not answer: the instance's own record answers when it can (put back in place of the
    /// turn); otherwise the call is sent guarded by the instance alone (its turn becomes its claim, and its outcome is
    /// written to the shared store when it answers again), or refused.
    /// </summary>
    private GuardClaim SharedUnavailable(Exception failure, string conversationId, string owner, string skillId, ConversationRecord? localBefore)
    {
        _telemetry.GuardStoreFailed(failure);
        var now = _time.GetUtcNow();
        var local = GuardRules.Claim(localBefore, owner, skillId, _settings.ClaimExpiry, answersFromSettled: true, waitedOn: null, now);
        if (local.Verdict is ClaimVerdict.Earlier or ClaimVerdict.GivenUp)
        {
            EndLocalTurn(conversationId, owner, localBefore);
            return GuardClaim.FromEarlier(local.Current!);
        }

        RenewLocalTurn(conversationId, owner);
        return Unavailable(failure, conversationId, owner, skillId, localClaimed: true, localBefore, telemetryDone: true);
    }

    /// <summary>The instance's turn becomes (or stays) this call's claim: it lives a whole claim's expiry from now, however long the shared store took.</summary>
    private void RenewLocalTurn(string conversationId, string owner) =>
        ApplyLocally(conversationId, (current, now) =>
            current is { State: GuardState.InFlight } && current.Owner == owner ? current with { EntryExpiresAt = now + _settings.ClaimExpiry } : null);

    /// <summary>
    /// A tier could not take the claim (the shared store did not answer, or the instance's byte budget is full): send
    /// unguarded by it (the outcome is written to it later, where nothing else stands) or refuse.
    /// </summary>
    private GuardClaim Unavailable(Exception failure, string conversationId, string owner, string skillId, bool localClaimed, ConversationRecord? localBefore = null, bool telemetryDone = false)
    {
        if (!telemetryDone)
        {
            _telemetry.GuardStoreFailed(failure);
        }

        if (_settings.WhenStoreUnavailable == StoreUnavailableHandling.Refuse)
        {
            if (localClaimed)
            {
                EndLocalTurn(conversationId, owner, localBefore);

                // The claim may have landed though its answer did not: it is forgotten there once the store answers,
                // so nobody waits for an escalation that was never sent.
                var forget = ConversationRecord.Empty with { Owner = owner, SkillId = skillId };
                _pending?.Start(SharedKey(conversationId), known: null, (current, now) => GuardRules.Settle(current, forget, _settings.Window, TimeSpan.Zero, now), _settings.ClaimExpiry);
            }

            return GuardClaim.Refused(EscalationFailures.GuardUnavailable(failure));
        }

        return GuardClaim.Owned(this, conversationId, owner, skillId, shared: null);
    }
}
