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
            EscalationLog.GuardStoreFailed(s.Telemetry.Logger, s.Exception.GetType().Name);
        }

        s.Telemetry.Count(s.Telemetry._guardUnavailable, new(TelemetryTags.GuardReason, reason));
        Activity.Current?.SetTag(TelemetryTags.GuardUnavailable, true);
    });

    /// <summary>A settled escalation could not be written to the shared store while it was worth writing.</summary>
    public void GuardSettleAbandoned(TimeSpan triedFor) => Contained.Run((Telemetry: this, TriedFor: triedFor), static s =>
    {
        EscalationLog.GuardSettleAbandoned(s.Telemetry.Logger, (long)s.TriedFor.TotalMilliseconds);
        s.Telemetry.Count(s.Telemetry._guardUnavailable, new(TelemetryTags.GuardReason, "settle_abandoned"));
    });
}
