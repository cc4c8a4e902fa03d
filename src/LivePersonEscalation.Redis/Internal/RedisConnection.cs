using StackExchange.Redis;

namespace LivePersonEscalation.Redis.Internal;

/// <summary>
/// The Redis connection of the guard, made on first use: a Redis that is down at start-up does not stop the host
/// (escalations go out unguarded until it is back), and StackExchange.Redis reconnects on its own once it is.
/// Disposes the connection only when it made it.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _multiplexer;
    private readonly bool _owned;

    private RedisConnection(Func<Task<IConnectionMultiplexer>> connect, bool owned)
    {
        _multiplexer = new Lazy<Task<IConnectionMultiplexer>>(connect);
        _owned = owned;
    }

    /// <summary>
    /// True when this guard made the connection, with its own async timeout set to the operation timeout: steps need
    /// no further bound. A host's connection keeps its own timeouts, so the guard bounds each step itself.
    /// </summary>
    public bool BoundsItsOwnSteps => _owned;

    /// <summary>A connection this guard makes from <paramref name="configuration"/>, each step bounded by <paramref name="operationTimeout"/>.</summary>
    public static RedisConnection FromConfiguration(string configuration, TimeSpan operationTimeout)
    {
        var options = ConfigurationOptions.Parse(configuration);
        var milliseconds = (int)Math.Ceiling(operationTimeout.TotalMilliseconds);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = Math.Max(milliseconds, 100);
        options.AsyncTimeout = milliseconds;
        options.SyncTimeout = milliseconds;
        // Look for a Redis that came back every half second, so guarding resumes soon after it does.
        options.ReconnectRetryPolicy = new LinearRetry(500);
        return new RedisConnection(async () => await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false), owned: true);
    }

    /// <summary>A connection the host already has (for example one registered for its cache); never disposed here.</summary>
    public static RedisConnection Shared(IConnectionMultiplexer multiplexer) =>
        new(() => Task.FromResult(multiplexer), owned: false);

    public Task<IConnectionMultiplexer> GetAsync() => _multiplexer.Value;

    public async ValueTask DisposeAsync()
    {
        if (_owned && _multiplexer.IsValueCreated && _multiplexer.Value.Status == TaskStatus.RanToCompletion)
        {
            await (await _multiplexer.Value.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        }
    }
}
