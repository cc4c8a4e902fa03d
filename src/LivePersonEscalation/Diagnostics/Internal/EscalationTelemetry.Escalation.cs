using System.Diagnostics;

namespace LivePersonEscalation.Internal;

/// <summary>The records of one escalation call: its activity, its count and duration, its retries.</summary>
internal sealed partial class EscalationTelemetry
{
    /// <summary>Starts the client activity of one escalation (null when nothing listens, or a listener failed).</summary>
    public Activity? StartActivity(string skillId, string conversationId)
    {
        var activity = Start(TelemetryTags.ActivityName, ActivityKind.Client, conversationId);
        if (activity is { IsAllDataRequested: true })
        {
            Contained.Run((Telemetry: this, Activity: activity, SkillId: skillId), static s =>
            {
                s.Activity.DisplayName = $"escalate {s.Telemetry.Settings.RegionTag}";
                s.Activity.SetTag(TelemetryTags.ServerAddress, s.Telemetry.Settings.Endpoint.Host);
                s.Activity.SetTag(TelemetryTags.ServerPort, s.Telemetry.Settings.Endpoint.Port);
                s.Activity.SetTag(TelemetryTags.SkillId, s.SkillId);
            });
        }

        return activity;
    }

    /// <summary>Counts one escalation call by outcome and records its duration.</summary>
    public void Record(string outcome, int? statusCode, string? errorType, TimeSpan elapsed) =>
        Contained.Run((Telemetry: this, Outcome: outcome, StatusCode: statusCode, ErrorType: errorType, Elapsed: elapsed), static s => s.Telemetry.RecordCore(s.Outcome, s.StatusCode, s.ErrorType, s.Elapsed));

    public void Retrying(int attempt, string reason, TimeSpan delay) => Contained.Run((Telemetry: this, Attempt: attempt, Reason: reason, Delay: delay), static s =>
    {
        EscalationLog.Retrying(s.Telemetry.Logger, s.Attempt, s.Reason, (long)s.Delay.TotalMilliseconds);
        if (s.Telemetry._retries.Enabled)
        {
            s.Telemetry.Count(s.Telemetry._retries, new(TelemetryTags.RetryReason, s.Reason));
        }

        Activity.Current?.AddEvent(new ActivityEvent("retry", tags: new ActivityTagsCollection { [TelemetryTags.RetryReason] = s.Reason, [TelemetryTags.RetryAttempt] = s.Attempt }));
    });

    private void RecordCore(string outcome, int? statusCode, string? errorType, TimeSpan elapsed)
    {
        if (outcome == TelemetryTags.Deduplicated)
        {
            Count(_deduplicated, first: null);
        }

        if (!_escalations.Enabled && !_duration.Enabled)
        {
            return;
        }

        var tags = new TagList
        {
            { TelemetryTags.Outcome, outcome },
            { TelemetryTags.StatusClass, statusCode is { } code ? $"{code / 100}xx" : "none" },
            { TelemetryTags.Region, Settings.RegionTag },
        };
        if (Settings.Account is { } account)
        {
            tags.Add(LivePersonEscalationTelemetry.AccountTag, account);
        }

        if (errorType is not null)
        {
            tags.Add(TelemetryTags.ErrorType, errorType);
        }

        _escalations.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
    }
}
