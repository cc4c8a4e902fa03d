namespace LivePersonEscalation.Availability.Internal;

/// <summary>
/// A token that cancels when the caller cancels or when the time runs out, measured on the
/// <see cref="TimeProvider"/> so tests can advance time instead of waiting. A value: whoever holds it disposes it.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "It is IDisposable; the rule misreads a struct.")]
internal readonly struct LinkedTimeout : IDisposable
{
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenSource? _linked;

    public LinkedTimeout(TimeSpan timeout, TimeProvider timeProvider, CancellationToken callerToken)
    {
        _timeout = new CancellationTokenSource(timeout, timeProvider);
        if (callerToken.CanBeCanceled)
        {
            _linked = CancellationTokenSource.CreateLinkedTokenSource(callerToken, _timeout.Token);
        }
    }

    public CancellationToken Token => (_linked ?? _timeout).Token;

    /// <summary>True when the time ran out (not the caller's cancellation).</summary>
    public bool TimedOut => _timeout.IsCancellationRequested;

    public void Dispose()
    {
        _linked?.Dispose();
        _timeout.Dispose();
    }
}
