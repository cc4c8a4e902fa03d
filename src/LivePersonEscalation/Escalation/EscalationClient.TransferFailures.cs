using LivePersonEscalation.Internal;

namespace LivePersonEscalation;

/// <content>After acceptance: a failed transfer reported, counted once, and the fallback escalated through the guard.</content>
public sealed partial class EscalationClient
{
    /// <inheritdoc />
    public async Task<TransferFailureResult> ReportTransferFailureAsync(TransferFailureReport report, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(report);
        var settings = _runtime.Settings;
        var checkedReport = CheckedTransferFailureReport.Check(report, settings.Skills);
        var guard = _runtime.DuplicateGuard ?? throw new InvalidOperationException(
            "Transfer failures are remembered by the duplicate guard, which is off: set LivePerson:Escalation:DuplicateGuard:Enabled to true (the default) to report them.");
        cancellationToken.ThrowIfCancellationRequested();

        using var activity = _runtime.Telemetry.StartTransferFailureActivity(report.ConversationId);
        var fallback = settings.Fallback;
        var rules = checkedReport.FallbackSkillId is null ? fallback.Rules : fallback.AnySkillRules;

        // One atomic step, not canceled halfway: the failure is counted once, whatever the caller's token does.
        var record = await guard.RecordTransferFailureAsync(report.ConversationId, checkedReport.EscalationId, checkedReport.FailedSkillId, rules).ConfigureAwait(false)
            ?? throw new ArgumentException(
                $"{nameof(TransferFailureReport)} names no escalation, and the library knows none of this conversation (its escalation was forgotten after {fallback.Window}, or went through another account). Set {nameof(TransferFailureReport.EscalationId)} to the escalation's EscalationResult.EscalationId, or {nameof(TransferFailureReport.AgentSkillId)}/{nameof(TransferFailureReport.AgentSkillName)} to the skill whose transfer failed.",
                nameof(report));

        var repeated = !record.Counted;
        if (record.GiveUpReason is { } reason)
        {
            _runtime.Telemetry.TransferFailureReported(activity, record.FailedSkillId, repeated ? TelemetryTags.Repeated : TelemetryTags.GaveUp, record.TransferFailures, null, reason.ToString());
            return new TransferFailureResult { TransferFailures = record.TransferFailures, FailedSkillId = record.FailedSkillId, IsRepeatedReport = repeated, GiveUpReason = reason };
        }

        // Not given up, so the failed skill has a fallback: configured, or named by the report (a repeated report that
        // names none answers the current state: the first one named it).
        var next = checkedReport.FallbackSkillId ?? (fallback.TryGetFallback(record.FailedSkillId, out var configured) ? configured : null);
        if (next is null)
        {
            _runtime.Telemetry.TransferFailureReported(activity, record.FailedSkillId, TelemetryTags.Repeated, record.TransferFailures, null, null);
            return new TransferFailureResult
            {
                TransferFailures = record.TransferFailures,
                FailedSkillId = record.FailedSkillId,
                IsRepeatedReport = true,
                FallbackSkillId = record.LatestEscalationId is { } current ? EscalationIds.SkillOf(current) : null,
                EscalationId = record.LatestEscalationId,
            };
        }

        _runtime.Telemetry.TransferFailureReported(activity, record.FailedSkillId, repeated ? TelemetryTags.Repeated : TelemetryTags.Fallback, record.TransferFailures, next, null);
        if (repeated && record.LatestEscalationId is { } latest && latest != checkedReport.EscalationId && record.ReportedEscalationIds.Contains(latest) is false)
        {
            // The fallback was sent and accepted after the first report: that is the conversation's escalation now.
            return new TransferFailureResult { TransferFailures = record.TransferFailures, FailedSkillId = record.FailedSkillId, IsRepeatedReport = true, FallbackSkillId = EscalationIds.SkillOf(latest), EscalationId = latest };
        }

        // Through the guard: a repeated report waits for, or is answered by, the fallback escalation already under way.
        var escalation = await EscalateAsync(
            new EscalationRequest
            {
                UserPlatformId = report.UserPlatformId,
                ChatBotId = report.ChatBotId,
                ConversationId = report.ConversationId,
                AgentSkillId = next,
                Message = checkedReport.Message,
            },
            record.TransferFailures,
            cancellationToken).ConfigureAwait(false);
        return new TransferFailureResult
        {
            TransferFailures = record.TransferFailures,
            FailedSkillId = record.FailedSkillId,
            IsRepeatedReport = repeated,
            FallbackSkillId = next,
            EscalationId = escalation.EscalationId,
            Escalation = escalation,
        };
    }
}
