using System.Diagnostics;

namespace LivePersonEscalation.Internal;

/// <summary>The records of what comes after an acceptance and before an escalation: transfer failures, availability.</summary>
internal sealed partial class EscalationTelemetry
{
    /// <summary>Starts the activity of one transfer-failure report; the escalation to the fallback is its child.</summary>
    public ContainedActivity StartTransferFailureActivity(string conversationId)
    {
        var activity = Start(TelemetryTags.TransferFailureActivityName, ActivityKind.Internal, conversationId);
        if (activity is { IsAllDataRequested: true })
        {
            activity.DisplayName = "transfer failure";
        }

        return new ContainedActivity(activity);
    }

    /// <summary>Logs, counts and traces what a transfer-failure report decided (<see cref="TelemetryTags.Fallback"/>, <see cref="TelemetryTags.GaveUp"/> or <see cref="TelemetryTags.Repeated"/>).</summary>
    public void TransferFailureReported(ContainedActivity activity, string failedSkillId, string outcome, int failures, string? fallbackSkillId, string? giveUpReason) =>
        Contained.Run((Telemetry: this, activity.Activity, FailedSkillId: failedSkillId, Outcome: outcome, Failures: failures, FallbackSkillId: fallbackSkillId, GiveUpReason: giveUpReason), static s =>
        {
            var logger = s.Telemetry.Logger;
            switch (s.Outcome)
            {
                case TelemetryTags.GaveUp:
                    EscalationLog.TransferFailedGaveUp(logger, s.FailedSkillId, s.Failures, s.GiveUpReason ?? string.Empty);
                    break;
                case TelemetryTags.Repeated:
                    EscalationLog.TransferFailureRepeated(logger, s.FailedSkillId, s.Failures);
                    break;
                default:
                    EscalationLog.TransferFailedFallingBack(logger, s.FailedSkillId, s.Failures, s.FallbackSkillId ?? string.Empty);
                    break;
            }

            s.Telemetry.Count(s.Telemetry._transferFailures, new(TelemetryTags.SkillId, s.FailedSkillId), new(TelemetryTags.TransferOutcome, s.Outcome));
            if (s.Activity is { IsAllDataRequested: true } activity)
            {
                activity.SetTag(TelemetryTags.SkillId, s.FailedSkillId);
                activity.SetTag(TelemetryTags.TransferOutcome, s.Outcome);
                activity.SetTag(TelemetryTags.TransferFailures, s.Failures);
                if (s.FallbackSkillId is not null)
                {
                    activity.SetTag(TelemetryTags.FallbackSkillId, s.FallbackSkillId);
                }
            }
        });

    /// <summary>Starts the activity of one availability decision, before the escalation it decides on.</summary>
    public ContainedActivity StartAvailabilityActivity(string? conversationId)
    {
        var activity = Start(TelemetryTags.AvailabilityActivityName, ActivityKind.Internal, conversationId ?? string.Empty);
        if (activity is { IsAllDataRequested: true })
        {
            activity.DisplayName = "check availability";
        }

        return new ContainedActivity(activity);
    }

    /// <summary>Logs, counts and traces an availability decision.</summary>
    public void AvailabilityDecided(ContainedActivity activity, string skillId, TransferDecision decision) =>
        Contained.Run((Telemetry: this, activity.Activity, SkillId: skillId, Decision: decision), static s =>
        {
            var (telemetry, decision) = (s.Telemetry, s.Decision);
            var name = DecisionTag(decision.Kind);
            var availability = decision.Reason ?? string.Empty;
            using (telemetry.AccountScope())
            {
                if (decision.ShouldEscalate)
                {
                    EscalationLog.AvailabilityDecided(telemetry.Logger, s.SkillId, name, availability);
                }
                else
                {
                    EscalationLog.AvailabilityWithheld(telemetry.Logger, s.SkillId, name, availability);
                }
            }

            telemetry.Count(telemetry._availabilityDecisions, new(TelemetryTags.AvailabilityDecision, name), new(TelemetryTags.SkillId, s.SkillId));
            if (s.Activity is { IsAllDataRequested: true } activity)
            {
                activity.SetTag(TelemetryTags.SkillId, s.SkillId);
                activity.SetTag(TelemetryTags.AvailabilityDecision, name);
                if (decision.ExpectedWait is { } wait)
                {
                    activity.SetTag(TelemetryTags.ExpectedWaitSeconds, (long)Math.Ceiling(wait.TotalSeconds));
                }

                if (decision.Kind is TransferDecisionKind.EscalateToFallback or TransferDecisionKind.EscalateToFallbackForWait)
                {
                    activity.SetTag(TelemetryTags.FallbackSkillId, decision.Request.AgentSkillId);
                }

                if (decision.IsUnknown && decision.Reason is { } reason)
                {
                    activity.SetTag(TelemetryTags.AvailabilityUnknownReason, reason);
                }
            }
        });

    /// <summary>The decision as a tag value: snake case, as the other tag values.</summary>
    public static string DecisionTag(TransferDecisionKind kind) => kind switch
    {
        TransferDecisionKind.NotChecked => "not_checked",
        TransferDecisionKind.Escalate => "escalate",
        TransferDecisionKind.EscalateToFallback => "escalate_to_fallback",
        TransferDecisionKind.EscalateWithNoAgentsOnline => "escalate_with_no_agents_online",
        TransferDecisionKind.EscalateUnknown => "escalate_unknown",
        TransferDecisionKind.OffShift => "off_shift",
        TransferDecisionKind.NoAgentsOnline => "no_agents_online",
        TransferDecisionKind.EscalateToFallbackForWait => "escalate_to_fallback_for_wait",
        TransferDecisionKind.LongWait => "long_wait",
        _ => "unknown",
    };
}
