namespace LivePersonEscalation;

/// <summary>
/// A token that cancels when the caller cancels or when one attempt's time runs out, measured on the
/// <see cref="TimeProvider"/> so tests can advance time instead of waiting. A struct: it lives in the call's state
/// machine instead of being one more allocation per attempt.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "It is disposable; the rule misreads a disposable struct.")]
internal readonly struct AttemptTimeout : IDisposable
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

    public void Dispose()
    {
        _linked?.Dispose();
        _timeout.Dispose();
    }
}
