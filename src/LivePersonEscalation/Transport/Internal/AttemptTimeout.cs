namespace LivePersonEscalation.Internal;

/// <summary>
/// A token that cancels when the caller cancels or when one attempt's time runs out, measured on the
/// <see cref="TimeProvider"/> so tests can advance time instead of waiting.
/// </summary>
internal sealed class AttemptTimeout : IDisposable
{
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenSource? _linked;

    public AttemptTimeout(TimeSpan timeout, TimeProvider timeProvider, CancellationToken callerToken)
    {
#if NET8_0_OR_GREATER
        _timeout = new CancellationTokenSource(timeout, timeProvider);
#else
        _timeout = timeProvider.CreateCancellationTokenSource(timeout);
#endif
        if (callerToken.CanBeCanceled)
        {
            _linked = CancellationTokenSource.CreateLinkedTokenSource(callerToken, _timeout.Token);
        }

        Token = _linked?.Token ?? _timeout.Token;
    }

    public CancellationToken Token { get; }

    /// <summary>True when the attempt's own time ran out (not the caller's cancellation).</summary>
    public bool TimedOut => _timeout.IsCancellationRequested;

    public void Dispose()
    {
        _linked?.Dispose();
        _timeout.Dispose();
    }
}
