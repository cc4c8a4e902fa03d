using LivePersonEscalation.DuplicateGuard;

namespace LivePersonEscalation.Internal;

/// <summary>Failed transfers of a conversation, checked against its record where the fleet shares it.</summary>
internal sealed partial class ConversationGuard
{
    /// <summary>
    /// Applies a transfer-failure report (see <see cref="GuardRules.ReportTransferFailure"/>) to the shared store's
    /// record, which the fleet shares (after teaching it what this instance knows of the conversation, when it knows
    /// less), and keeps the result in the instance's tier too; to the instance's tier alone while the shared store
    /// cannot answer (or refuses, as <see cref="StoreUnavailableHandling"/> says), written to the shared store when it answers again.
    /// </summary>
    /// <returns>The decision, and the claim of the fallback escalation when the report took one.</returns>
    /// <exception cref="EscalationException">The shared store cannot be reached and must not be bypassed.</exception>
    public async ValueTask<(ReportDecision Decision, GuardClaim? Fallback)> ReportTransferFailureAsync(string conversationId, string? escalationId, TransferFailureRules rules)
    {
        var fallbackOwner = EscalationIds.Create();
        if (_shared is null)
        {
            return ReportLocally(conversationId, escalationId, rules, fallbackOwner, shared: null);
        }

        var key = SharedKey(conversationId);
        var step = await _shared.ReadAsync(key).ConfigureAwait(false);
        var taught = false;
        for (var round = 1; step.Answered && round <= MaxRounds; round++)
        {
            var current = step.Value;
            var decision = GuardRules.ReportTransferFailure(current?.Conversation, escalationId, rules, fallbackOwner, _settings.ClaimExpiry, _time.GetUtcNow());
            if (decision.Verdict is ReportVerdict.NotIssued or ReportVerdict.NothingToReport && !taught
                && GuardRules.Merge(current?.Conversation, _local.Read(conversationId)?.Conversation, _time.GetUtcNow()) is { } merged)
            {
                // The shared store knows less than this instance (an escalation sent while it was down, or data it
                // lost, or a settle still under way): it learns it first, then decides.
                var lesson = DuplicateGuardRecord.New(merged, _time.GetUtcNow());
                step = await _shared.WriteAsync(key, current?.Version, lesson).ConfigureAwait(false);
                taught = step.Answered && step.Value?.Version == lesson.Version;
                continue;
            }

            if (decision.Next is not { } next)
            {
                Mirror(conversationId, ownClaim: null, decision.Record);
                return (decision, null);
            }

            var record = DuplicateGuardRecord.New(next, _time.GetUtcNow());
            step = await _shared.WriteAsync(key, current?.Version, record).ConfigureAwait(false);
            if (step.Answered && step.Value?.Version == record.Version)
            {
                Mirror(conversationId, decision.ClaimedFallbackSkillId is null ? null : fallbackOwner, next);
                return (decision, decision.ClaimedFallbackSkillId is { } fallback ? GuardClaim.Owned(this, conversationId, fallbackOwner, fallback, record) : null);
            }
        }

        if (step.Answered)
        {
            throw EscalationFailures.Contended(MaxRounds);
        }

        _telemetry.GuardStoreFailed(step.Failure!);
        if (_settings.WhenStoreUnavailable == StoreUnavailableHandling.Refuse)
        {
            throw EscalationFailures.GuardUnavailable(step.Failure!);
        }

        // What this instance records now reaches the shared store when it answers again (the report's own write,
        // if it landed after all, is found there: the fallback claim has the same owner).
        var local = ReportLocally(conversationId, escalationId, rules, fallbackOwner, shared: null);
        _pending!.Start(key, known: null, (current, now) => GuardRules.Merge(current, _local.Read(conversationId)?.Conversation, now), rules.Window);
        if (local.Fallback is null)
        {
            // The report's write may have landed with the fallback's claim: nobody here sends it, so it is forgotten there.
            var forget = ConversationRecord.Empty with { Owner = fallbackOwner };
            _pending.Start(key, known: null, (current, now) => GuardRules.Settle(current, forget, _settings.Window, TimeSpan.Zero, now), _settings.ClaimExpiry);
        }

        return local;
    }

    private (ReportDecision Decision, GuardClaim? Fallback) ReportLocally(string conversationId, string? escalationId, TransferFailureRules rules, string fallbackOwner, DuplicateGuardRecord? shared)
    {
        for (var round = 1; round <= MaxRounds; round++)
        {
            var current = _local.Read(conversationId);
            var decision = GuardRules.ReportTransferFailure(current?.Conversation, escalationId, rules, fallbackOwner, _settings.ClaimExpiry, _time.GetUtcNow());
            if (decision.Next is not { } next)
            {
                return (decision, null);
            }

            var record = DuplicateGuardRecord.New(next, _time.GetUtcNow());
            try
            {
                if (_local.Write(conversationId, current?.Version, record) != record)
                {
                    continue;
                }
            }
            catch (GuardCapacityException full)
            {
                // Claims in flight fill the instance's budget: the report is refused (logged and counted), nothing is sent.
                throw EscalationFailures.GuardUnavailable(full);
            }

            return (decision, decision.ClaimedFallbackSkillId is { } fallback ? GuardClaim.Owned(this, conversationId, fallbackOwner, fallback, shared) : null);
        }

        throw EscalationFailures.Contended(MaxRounds);
    }

    /// <summary>Keeps the shared store's record of the conversation in the instance's tier too, unless another call of this instance holds its turn.</summary>
    private void Mirror(string conversationId, string? ownClaim, ConversationRecord? shared) =>
        ApplyLocally(conversationId, (current, now) =>
            shared is null || GuardRules.Live(current, now) is { State: GuardState.InFlight }
                ? null
                : GuardRules.Mirror(shared, ownClaim));
}
