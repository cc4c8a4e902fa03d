using System.Diagnostics;

namespace LivePersonEscalation.Internal;

/// <summary>
/// An activity whose end is contained like every other telemetry step: disposing it stops the activity, and a trace
/// listener that throws when it stops loses its own record, nothing else (not the decision or report it traced).
/// </summary>
internal readonly struct ContainedActivity(Activity? activity) : IDisposable
{
    public Activity? Activity { get; } = activity;

    public void Dispose() => Contained.Run(Activity, static activity => activity?.Dispose());
}
