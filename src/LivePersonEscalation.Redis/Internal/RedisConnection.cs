using StackExchange.Redis;

namespace LivePersonEscalation.Redis.Internal;

/// <summary>
/// The Redis connection of the guard, started as soon as the store is made: a Redis that is down at start-up does not
/// stop the host (escalations go out, guarded by each instance, until it is back), and StackExchange.Redis reconnects
/// on its own once it is. Disposes the connection only when it made it.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable
{
    /// <summary>
    /// How long the guard's own connection lets a step wait for its answer: longer than any claim lives, so an answer
    /// that comes after the guard stopped waiting (which bounds itself by the operation timeout) is still used.
    /// </summary>
    public static readonly TimeSpan LateAnswerBound = TimeSpan.FromSeconds(60);

    private readonly Lazy<Task<IConnectionMultiplexer>> _multiplexer;
    private readonly bool _owned;

    private RedisConnection(Func<Task<IConnectionMultiplexer>> connect, bool owned, string endpoints)
    {
        _multiplexer = new Lazy<Task<IConnectionMultiplexer>>(connect);
        _owned = owned;
        Endpoints = endpoints;
    }

    /// <summary>The endpoints it connects to, e.g. <c>redis:6379</c>, for messages (never the password).</summary>
    public string Endpoints { get; }

    public static string Format(System.Net.EndPoint endpoint) => endpoint switch
    {
        System.Net.DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        _ => endpoint.ToString() ?? string.Empty,
    };

    /// <summary>
    /// A connection this guard makes from <paramref name="configuration"/>: failing fast while disconnected (nothing
    /// queues behind a dead Redis), and reconnecting every half second. A connection attempt is not cut short by a
    /// timer of its own: Redis refusing it fails at once, and a slow one is waited for by each escalation for its
    /// operation timeout alone, by the guard, which tells a slow Redis from a process whose timers run late (a starved
    /// thread pool). A first answer that comes after that is still used.
    /// </summary>
    public static RedisConnection FromConfiguration(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = (int)LateAnswerBound.TotalMilliseconds;
        options.AsyncTimeout = (int)LateAnswerBound.TotalMilliseconds;
        options.SyncTimeout = (int)LateAnswerBound.TotalMilliseconds;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ReconnectRetryPolicy = new LinearRetry(500);
        return new RedisConnection(async () => await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false), owned: true, string.Join(", ", options.EndPoints.Select(Format)));
    }

    /// <summary>A connection the host already has (for example one registered for its cache); never disposed here.</summary>
    public static RedisConnection Shared(IConnectionMultiplexer multiplexer) =>
        new(() => Task.FromResult(multiplexer), owned: false, string.Join(", ", multiplexer.GetEndPoints().Select(Format)));

    public Task<IConnectionMultiplexer> GetAsync() => _multiplexer.Value;

    /// <summary>Closes the connection if this guard made it; one still connecting is closed as soon as its attempt ends.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_owned || !_multiplexer.IsValueCreated)
        {
            return;
        }

        var connecting = _multiplexer.Value;
        if (connecting.IsCompleted)
        {
            await CloseAsync(connecting).ConfigureAwait(false);
        }
        else
        {
            // A silent Redis: stopping the host does not wait for it.
            _ = CloseAsync(connecting);
        }
    }

    private static async Task CloseAsync(Task<IConnectionMultiplexer> connecting)
    {
        IConnectionMultiplexer multiplexer;
        try
        {
            multiplexer = await connecting.ConfigureAwait(false);
        }
        catch (RedisException)
        {
            // Never connected: nothing to close.
            return;
        }

        await multiplexer.DisposeAsync().ConfigureAwait(false);
    }
}
