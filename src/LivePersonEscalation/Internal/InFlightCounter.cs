namespace LivePersonEscalation.Internal;

/// <summary>
/// Counts work under way (escalations, the guard's background writes), so that stopping can wait for it, within a
/// bound, before what it needs goes away.
/// </summary>
internal sealed class InFlightCounter
{
    private readonly object _gate = new();
    private int _count;
    private TaskCompletionSource<bool>? _idle;

    public int Count => Volatile.Read(ref _count);

    public void Enter() => Interlocked.Increment(ref _count);

    public void Exit()
    {
        if (Interlocked.Decrement(ref _count) == 0)
        {
            lock (_gate)
            {
                _idle?.TrySetResult(true);
                _idle = null;
            }
        }
    }

    /// <summary>Completes when none is under way, or after <paramref name="bound"/>.</summary>
    public async Task WaitAsync(TimeSpan bound, TimeProvider timeProvider)
    {
        Task idle;
        lock (_gate)
        {
            if (Count == 0)
            {
                return;
            }

            _idle ??= new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            idle = _idle.Task;
        }

        try
        {
            await idle.WaitAsync(bound, timeProvider).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Stopping goes on; what did not settle expires with its claim.
        }
    }
}
