using LivePersonEscalation.Internal;

namespace LivePersonEscalation;

/// <content>After acceptance: a failed transfer reported, counted once, and the fallback escalated through the guard.</content>
public sealed partial class EscalationClient
{
    /// <inheritdoc />
    public async Task<TransferFailureResult> ReportTransferFailureAsync(TransferFailureReport report, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(report);
        var generation = _runtime.Current;
        var settings = generation.Settings;
        var checkedReport = CheckedTransferFailureReport.Check(report, settings.Skills);
        var guard = _runtime.DuplicateGuard ?? throw new InvalidOperationException(
            "Transfer failures are remembered by the duplicate guard, which is off: set LivePerson:Escalation:DuplicateGuard:Enabled to true (the default) to report them.");
        cancellationToken.ThrowIfCancellationRequested();
        if (await _sender.HostResendsAsync(cancellationToken).ConfigureAwait(false))
        {
            // Before the failure is counted and the fallback claimed: nothing is recorded for a send that cannot happen.
            throw EscalationFailures.HostResends();
        }

        using var activity = _runtime.Telemetry.StartTransferFailureActivity(report.ConversationId);
        var fallback = settings.Fallback;
        var rules = fallback.RulesFor(checkedReport.FallbackSkillId);

        // One atomic step, not canceled halfway: the failure is counted once, whatever the caller's token does.
        var (decision, claim) = await guard.ReportTransferFailureAsync(report.ConversationId, checkedReport.EscalationId, rules).ConfigureAwait(false);
        var record = decision.Record;
        switch (decision.Verdict)
        {
            case ReportVerdict.NotIssued or ReportVerdict.NothingToReport:
                throw EscalationFailures.UnknownEscalation(named: decision.Verdict == ReportVerdict.NotIssued, fallback.Window);
            case ReportVerdict.GaveUp or ReportVerdict.Repeated when record!.GiveUpReason is { } reason:
                var repeatedGiveUp = decision.Verdict == ReportVerdict.Repeated;
                _runtime.Telemetry.TransferFailureReported(activity, record.FailedSkillId!, repeatedGiveUp ? TelemetryTags.Repeated : TelemetryTags.GaveUp, record.TransferFailures, null, reason.ToString());
                return new TransferFailureResult { TransferFailures = record.TransferFailures, FailedSkillId = record.FailedSkillId!, IsRepeatedReport = repeatedGiveUp, GiveUpReason = reason };
        }

        // Not given up, so the failed skill has a fallback: the report's own, or the configured one.
        var repeated = decision.Verdict == ReportVerdict.Repeated;
        var failedSkill = record!.FailedSkillId!;
        if (repeated && record.Issued.Count > 0 && record.Issued[record.Issued.Count - 1] is { } latest && !record.Counted.Contains(latest.Id))
        {
            // The fallback was sent and accepted after the first report: that is the conversation's escalation now.
            _runtime.Telemetry.TransferFailureReported(activity, failedSkill, TelemetryTags.Repeated, record.TransferFailures, latest.SkillId, null);
            return new TransferFailureResult { TransferFailures = record.TransferFailures, FailedSkillId = failedSkill, IsRepeatedReport = true, FallbackSkillId = latest.SkillId, EscalationId = latest.Id };
        }

        if ((claim?.SkillId ?? rules.FallbackOf(failedSkill)) is not { } next)
        {
            // A repeated report that names no fallback, of a failure whose first report named one: the current state.
            _runtime.Telemetry.TransferFailureReported(activity, failedSkill, TelemetryTags.Repeated, record.TransferFailures, null, null);
            var standing = record.State is GuardState.InFlight or GuardState.Accepted or GuardState.Unknown;
            return new TransferFailureResult
            {
                TransferFailures = record.TransferFailures,
                FailedSkillId = failedSkill,
                IsRepeatedReport = true,
                FallbackSkillId = standing ? record.SkillId : null,
                EscalationId = standing ? record.Owner : null,
            };
        }

        _runtime.Telemetry.TransferFailureReported(activity, failedSkill, repeated ? TelemetryTags.Repeated : TelemetryTags.Fallback, record.TransferFailures, next, null);

        // On the claim the report took (sent now), or through the guard: a repeated report waits for, or is
        // answered by, the fallback escalation already under way.
        var escalation = await EscalateAsync(
            new EscalationRequest
            {
                UserPlatformId = report.UserPlatformId,
                ChatBotId = report.ChatBotId,
                ConversationId = report.ConversationId,
                AgentSkillId = next,
                Message = checkedReport.Message,
            },
            generation,
            claim,
            record.TransferFailures,
            cancellationToken).ConfigureAwait(false);
        return new TransferFailureResult
        {
            TransferFailures = record.TransferFailures,
            FailedSkillId = failedSkill,
            IsRepeatedReport = repeated,
            FallbackSkillId = next,
            EscalationId = escalation.EscalationId,
            Escalation = escalation,
        };
    }
}
