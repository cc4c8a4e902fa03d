namespace LivePersonEscalation.Availability.Internal;

/// <summary>
/// A value fetched once and shared until it expires: concurrent callers wait on the same fetch, which runs on its own
/// token (one caller giving up does not cancel it for the others). A failed fetch is not kept; the next call fetches again.
/// </summary>
internal sealed class SharedFetch<T>
    where T : class
{
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private Task<(T Value, TimeSpan Lifetime)>? _fetch;
    private T? _value;
    private long _expiresAt;

    public SharedFetch(TimeProvider time) => _time = time;

    /// <summary>The value while it is fresh, or the one fetch under way (started by this call if none is).</summary>
    public Task<T> GetAsync(Func<Task<(T Value, TimeSpan Lifetime)>> fetch, CancellationToken cancellationToken)
    {
        Task<(T Value, TimeSpan Lifetime)> shared;
        lock (_gate)
        {
            if (_value is not null && _time.GetTimestamp() < _expiresAt)
            {
                return Task.FromResult(_value);
            }

            if (_fetch is null)
            {
                _fetch = FetchAsync(fetch);

                // Observed even when every waiter gave up: its failure is reported to the next caller instead.
                _ = ObserveAsync(_fetch);
            }

            shared = _fetch;
        }

        return WaitAsync(shared, _time, cancellationToken);
    }

    /// <summary>Forgets the value (a token the API refused), unless a newer one replaced it already.</summary>
    public void Invalidate(T stale)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_value, stale))
            {
                _value = null;
            }
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031", Justification = "Only observes the failure; each waiter sees it on its own await.")]
    private static async Task ObserveAsync(Task fetch)
    {
        try
        {
            await fetch.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Observed.
        }
    }

    private static async Task<T> WaitAsync(Task<(T Value, TimeSpan Lifetime)> shared, TimeProvider time, CancellationToken cancellationToken) =>
        (await shared.WaitAsync(Timeout.InfiniteTimeSpan, time, cancellationToken).ConfigureAwait(false)).Value;

    private async Task<(T Value, TimeSpan Lifetime)> FetchAsync(Func<Task<(T Value, TimeSpan Lifetime)>> fetch)
    {
        try
        {
            await Task.Yield(); // the fetch never runs inside the caller's lock
            var fetched = await fetch().ConfigureAwait(false);
            lock (_gate)
            {
                _value = fetched.Value;
                _expiresAt = _time.GetTimestamp() + (long)(fetched.Lifetime.TotalSeconds * _time.TimestampFrequency);
            }

            return fetched;
        }
        finally
        {
            lock (_gate)
            {
                _fetch = null;
            }
        }
    }
}
