using LivePersonEscalation.DuplicateGuard;

namespace LivePersonEscalation.Internal;

/// <summary>
/// One transfer-failure report applied to a conversation's record and entry, atomically by the caller (the in-process
/// store under its lock; the Redis store runs the same rules as a script):
/// <list type="number">
/// <item>given up already: nothing changes;</item>
/// <item>the escalation meant is the one named, else the entry's (accepted, unknown or failed), else the record's latest;</item>
/// <item>counted already: nothing changes (a repeated report);</item>
/// <item>otherwise one more failure, of the escalation's skill (or the report's, when no escalation is known); give up
/// at <c>MaxTransferFailures</c>, or when that skill has no fallback; the accepted (or unknown) entry of that escalation becomes
/// <see cref="DuplicateGuardState.TransferFailed"/>, so the next escalation is sent.</item>
/// </list>
/// </summary>
internal static class TransferFailureStep
{
    /// <summary>The record after the report (null: nothing says which skill failed), and whether the entry's transfer failed.</summary>
    public static (TransferFailureRecord? Record, bool TransferFailed) Apply(
        TransferFailureRecord? current, DuplicateGuardEntry? entry, string? escalationId, string? skillId, TransferFailureRules rules)
    {
        if (current?.GiveUpReason is not null)
        {
            return (current with { Counted = false }, false);
        }

        // The escalation an entry names: accepted, unknown (a failed transfer proves it was accepted), or already failed
        // (a repeated report that names none).
        var meant = entry is { State: DuplicateGuardState.Accepted or DuplicateGuardState.Unknown or DuplicateGuardState.TransferFailed } ? entry.Owner : null;
        // With nothing else to go by (the fallback still in flight, or refused), a report that names nothing repeats
        // the last one counted: it may not count twice.
        var id = escalationId ?? meant ?? current?.LatestEscalationId ?? (current?.ReportedEscalationIds is { Count: > 0 } ids ? ids[ids.Count - 1] : null);
        if (id is not null && current is not null && current.ReportedEscalationIds.Contains(id))
        {
            return (current with { Counted = false }, false);
        }

        var failedSkill = (id is null ? null : EscalationIds.SkillOf(id)) ?? skillId;
        if (failedSkill is null)
        {
            return (null, false);
        }

        var failures = (current?.TransferFailures ?? 0) + 1;
        var reported = current?.ReportedEscalationIds ?? [];
        if (id is not null)
        {
            reported = [.. reported, id];
        }

        var record = new TransferFailureRecord
        {
            TransferFailures = failures,
            ReportedEscalationIds = reported,
            FailedSkillId = failedSkill,
            GiveUpReason = failures >= rules.MaxTransferFailures ? TransferGiveUpReason.MaxTransferFailures
                : !rules.HasFallback(failedSkill) ? TransferGiveUpReason.NoFallbackSkill
                : null,
            LatestEscalationId = current?.LatestEscalationId,
            Counted = true,
        };
        return (record, id is not null && id == meant && entry!.State != DuplicateGuardState.TransferFailed);
    }
}
