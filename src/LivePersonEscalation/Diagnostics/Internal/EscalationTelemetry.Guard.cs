using System.Diagnostics;

namespace LivePersonEscalation.Internal;

/// <summary>The duplicate guard's records: a store that could not answer, a settle given up on.</summary>
internal sealed partial class EscalationTelemetry
{
    public void GuardStoreFailed(Exception exception) => Contained.Run((Telemetry: this, Exception: exception), static s =>
    {
        var reason = s.Exception switch
        {
            GuardCapacityException => "capacity",
            TimeoutException or OperationCanceledException => "timeout",
            _ => "unreachable",
        };
        if (s.Exception is GuardCapacityException)
        {
            EscalationLog.GuardCapacityReached(s.Telemetry.Logger, s.Exception.Message);
        }
        else
        {
            // The store's own words (the Redis store names its endpoint and the connection's last failure), on one line.
            var message = s.Exception.Message.Replace('\r', ' ').Replace('\n', ' ');
            EscalationLog.GuardStoreFailed(s.Telemetry.Logger, $"{s.Exception.GetType().Name}: {TextRules.Cut(message, 300)}");
        }

        s.Telemetry.Count(s.Telemetry._guardUnavailable, new(TelemetryTags.GuardReason, reason));
        Activity.Current?.SetTag(TelemetryTags.GuardUnavailable, true);
    });

    /// <summary>A pending write cut short because the host stopped, after the bound stopping waits.</summary>
    public void GuardSettleCutByStop(TimeSpan bound) => Contained.Run((Telemetry: this, Bound: bound), static s =>
    {
        EscalationLog.GuardSettleCutByStop(s.Telemetry.Logger, (long)s.Bound.TotalMilliseconds);
        s.Telemetry.Count(s.Telemetry._guardUnavailable, new(TelemetryTags.GuardReason, "settle_abandoned"));
    });

    /// <summary>A settled escalation could not be written to the shared store while it was worth writing.</summary>
    public void GuardSettleAbandoned(TimeSpan triedFor) => Contained.Run((Telemetry: this, TriedFor: triedFor), static s =>
    {
        EscalationLog.GuardSettleAbandoned(s.Telemetry.Logger, (long)s.TriedFor.TotalMilliseconds);
        s.Telemetry.Count(s.Telemetry._guardUnavailable, new(TelemetryTags.GuardReason, "settle_abandoned"));
    });
}
