using LivePersonEscalation.DuplicateGuard;

namespace LivePersonEscalation.Internal;

/// <summary>Failed transfers of a conversation, recorded where the fleet shares them.</summary>
internal sealed partial class ConversationGuard
{
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
}
