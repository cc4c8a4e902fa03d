namespace LivePersonEscalation.Internal;

/// <summary>
/// Runs a telemetry step so that a throwing log provider, activity listener or meter listener never changes an
/// escalation's outcome or the duplicate guard's state: the one place where telemetry's failures are swallowed.
/// The step is a static lambda over a value-tuple state, so containing it allocates nothing.
/// </summary>
internal static class Contained
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031", Justification = "Telemetry must not change an outcome.")]
    public static void Run<TState>(TState state, Action<TState> step)
    {
        try
        {
            step(state);
        }
        catch (Exception)
        {
            // A broken log provider or listener loses its own record, nothing else.
        }
    }

    /// <summary>The step's value, or <paramref name="fallback"/> when it threw.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031", Justification = "Telemetry must not change an outcome.")]
    public static TResult Get<TState, TResult>(TState state, Func<TState, TResult> step, TResult fallback)
    {
        try
        {
            return step(state);
        }
        catch (Exception)
        {
            return fallback;
        }
    }
}
