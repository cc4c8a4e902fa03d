using System.Globalization;
using LivePersonEscalation.DuplicateGuard;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Polly;
using Polly.CircuitBreaker;
using StackExchange.Redis;

namespace LivePersonEscalation.Redis.Internal;

/// <summary>
/// The duplicate guard's records on Redis: one key per conversation, holding the record's text (its version, a bar,
/// its content), expiring with the record. A read is a GET; a write is one short compare-version-then-set script
/// (<see cref="RedisGuardScripts.CompareAndSet"/>) that also publishes on the conversation's channel, so an
/// uncontended escalation costs two round trips (its claim, its settlement) and a waiting instance is woken by the
/// change. Each step ends when the guard's token says its time ran out. A step fails at once while the connection is
/// down (StackExchange.Redis's own state); a Redis that stops answering opens a circuit breaker (Polly) after two
/// steps ran out of time, so the next fail at once; the breaker closes as soon as Redis has answered anything since
/// it opened (a link that carried nothing heals without a reconnection), when the connection reports it is restored,
/// or when a trial step answers.
/// </summary>
internal sealed partial class RedisDuplicateGuardStore : IDuplicateGuardStore, IHealthCheck, IAsyncDisposable
{
    // A notification published while this instance's subscription was reconnecting is missed: a waiter reads again this often.
    private static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(2);

    // How long the open breaker skips Redis before a trial step.
    private static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(2);

    private const long NotYetKnown = long.MaxValue;

    // Polly's least sampling duration.
    private static readonly TimeSpan MinimumSamplingDuration = TimeSpan.FromMilliseconds(500);

    private readonly RedisConnection _connection;
    private readonly TimeSpan _operationTimeout;
    private readonly RedisDataSafety _dataSafety;
    private readonly CircuitBreakerManualControl _breaker = new();
    private readonly CircuitBreakerStateProvider _breakerState = new();
    private readonly ResiliencePipeline _steps;
    private volatile bool _firstConnectionWaitedOut;
    private volatile string? _lastConnectionFailure;
    // What AnswersRead showed when the breaker opened; NotYetKnown until its OnOpened ran (and while closed), so a step
    // that sees the breaker open before then is skipped, not let through on a count from before.
    private long _answersWhenOpened = NotYetKnown;

    public RedisDuplicateGuardStore(RedisConnection connection, TimeSpan operationTimeout, RedisDataSafety dataSafety)
    {
        _connection = connection;
        _operationTimeout = operationTimeout;
        _dataSafety = dataSafety;
        _steps = new ResiliencePipelineBuilder()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                // A Redis that does not answer (its connection still up) costs two operation timeouts, then nothing:
                // two steps ran out of time, and no step answered within the span of two.
                FailureRatio = 1.0,
                MinimumThroughput = 2,
                SamplingDuration = operationTimeout * 2 > MinimumSamplingDuration ? operationTimeout * 2 : MinimumSamplingDuration,
                BreakDuration = BreakDuration,
                // The guard's token ending is a step that ran out of time: the guard never cancels a step for anything else.
                ShouldHandle = new PredicateBuilder().Handle<OperationCanceledException>().Handle<RedisTimeoutException>(),
                ManualControl = _breaker,
                StateProvider = _breakerState,
                OnOpened = _ => RememberAnswersWhenOpenedAsync(),
                OnClosed = _ =>
                {
                    Interlocked.Exchange(ref _answersWhenOpened, NotYetKnown);
                    return default;
                },
            })
            .Build();

        // Connect now, not on the first escalation: it finds Redis ready, or fails at once while Redis is down.
        _ = WatchAsync();
    }

    public async ValueTask<DuplicateGuardRecord?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var value = await StepAsync(
            static async (state, token) =>
            {
                var multiplexer = await state.store.ConnectedAsync(token).ConfigureAwait(false);
                return await multiplexer.GetDatabase().StringGetAsync(state.key).WaitAsync(token).ConfigureAwait(false);
            },
            (store: this, key: RedisKeyOf(key)),
            cancellationToken).ConfigureAwait(false);
        return Parse(value);
    }

    public async ValueTask<DuplicateGuardRecord?> WriteAsync(string key, string? expectedVersion, DuplicateGuardRecord record, CancellationToken cancellationToken)
    {
        RedisValue[] args = [expectedVersion ?? string.Empty, record.Serialize(), LifetimeOf(record), ChannelOf(key).ToString()];
        var answer = await StepAsync(
            static async (state, token) =>
            {
                var multiplexer = await state.store.ConnectedAsync(token).ConfigureAwait(false);
                return await multiplexer.GetDatabase().ScriptEvaluateAsync(RedisGuardScripts.CompareAndSet, [state.key], state.args).WaitAsync(token).ConfigureAwait(false);
            },
            (store: this, key: RedisKeyOf(key), args),
            cancellationToken).ConfigureAwait(false);
        return answer.Resp2Type == ResultType.Integer ? record : Parse(((RedisResult[])answer!)[0].ToString());
    }

    public async ValueTask<DuplicateGuardRecord?> WaitForChangeAsync(string key, string? version, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var multiplexer = await ConnectedAsync(cancellationToken).ConfigureAwait(false);
        var database = multiplexer.GetDatabase();
        var subscriber = multiplexer.GetSubscriber();
        var channel = ChannelOf(key);
        var changed = new SemaphoreSlim(0);
        void OnChange(RedisChannel _, RedisValue __) => changed.Release();
        var subscribing = subscriber.SubscribeAsync(channel, OnChange);
        try
        {
            // Bounded by the caller (the guard's own clock): a Redis slow to answer is waited for, as for any step.
            await subscribing.WaitAsync(cancellationToken).ConfigureAwait(false);
            var started = TimeProvider.System.GetTimestamp();
            while (true)
            {
                var current = Parse(await database.StringGetAsync(RedisKeyOf(key)).WaitAsync(cancellationToken).ConfigureAwait(false));
                var left = maxWait - TimeProvider.System.GetElapsedTime(started);
                if (current?.Version != version || left <= TimeSpan.Zero)
                {
                    return current;
                }

                await changed.WaitAsync(left < RecheckInterval ? left : RecheckInterval, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _ = subscriber.UnsubscribeAsync(channel, OnChange, CommandFlags.FireAndForget);
        }
    }

    /// <summary>
    /// One step through the breaker. An open breaker fails the step at once, saying why; it closes when Redis has
    /// answered anything since it opened, when the connection reports it is restored, or when a trial step answers.
    /// </summary>
    private async ValueTask<T> StepAsync<T, TState>(Func<TState, CancellationToken, ValueTask<T>> step, TState state, CancellationToken cancellationToken)
    {
        if (_breakerState.CircuitState == CircuitState.Open && _connection.GetAsync() is { IsCompletedSuccessfully: true } connected
            && AnswersRead(await connected.ConfigureAwait(false)) > Interlocked.Read(ref _answersWhenOpened))
        {
            // Redis answered since the breaker opened (the steps that ran out of time, once a link that carried nothing
            // heals, with no reconnection to report it): it answers, and no step skips it.
            await _breaker.CloseAsync(CancellationToken.None).ConfigureAwait(false);
        }

        try
        {
            return await _steps.ExecuteAsync(step, state, cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException ex)
        {
            throw new TimeoutException($"The duplicate guard's Redis ({_connection.Endpoints}) answered none of its last steps within {_operationTimeout.TotalMilliseconds:0} ms (DuplicateGuard:StoreTimeout); steps skip it until it answers again, for {BreakDuration.TotalSeconds:0} s at most.", ex);
        }
    }

    private async ValueTask RememberAnswersWhenOpenedAsync()
    {
        if (_connection.GetAsync() is { IsCompletedSuccessfully: true } connected)
        {
            // Read twice, the larger kept: a command being written while the counters are read can show one too few,
            // which would read as an answer at the next step.
            var multiplexer = await connected.ConfigureAwait(false);
            Interlocked.Exchange(ref _answersWhenOpened, Math.Max(AnswersRead(multiplexer), AnswersRead(multiplexer)));
        }
    }

    /// <summary>Closes the connection if this guard made it (a host's own stays open).</summary>
    /// <returns>A task that completes when the connection is closed.</returns>
    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    /// <summary>
    /// The conversation's key, in a hash tag so its channel hashes to the same cluster slot. Braces and the escape
    /// character itself are escaped, so no conversation id can end the hash tag early.
    /// </summary>
    internal static RedisKey RedisKeyOf(string key) => "{" + Escape(key) + "}";

    private static RedisChannel ChannelOf(string key) => RedisChannel.Literal("{" + Escape(key) + "}:changed");

    private static string Escape(string key) =>
        key.IndexOfAny(['{', '}', '%']) < 0 ? key : key.Replace("%", "%25").Replace("{", "%7B").Replace("}", "%7D");

    private static DuplicateGuardRecord? Parse(RedisValue value) => value.IsNullOrEmpty ? null : DuplicateGuardRecord.Parse(value.ToString());

    private static RedisValue LifetimeOf(DuplicateGuardRecord record) =>
        ((long)Math.Max(1, record.TimeToLive.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// How many commands the connection has written that no longer await an answer: answered, or failed with a
    /// connection that dropped (read only as "did Redis answer since", so the latter never matters: a dropped
    /// connection fails every step at once). StackExchange.Redis writes a command to the queue of those awaiting an
    /// answer before it counts it as written, so a command never shows as answered before it is. Where it can read
    /// high (a connection with <c>highIntegrity</c>, which counts each command twice; several endpoints, summed, one of
    /// them answering), the breaker closes too soon: a silent Redis costs more timeouts, never a skipped answer.
    /// </summary>
    private static long AnswersRead(IConnectionMultiplexer multiplexer)
    {
        var counters = multiplexer.GetCounters().Interactive;
        return counters.OperationCount - counters.SentItemsAwaitingResponse;
    }

    /// <summary>How the core names this store in its messages: <c>Redis 127.0.0.1:6379</c> (never the password).</summary>
    /// <returns>The store and its endpoints.</returns>
    public override string ToString() => "Redis " + _connection.Endpoints;

    // StackExchange.Redis 3.x (net10.0) wants the command flags; 2.8 (net8.0, which keeps that target on 8.x packages) has no such overload.
    private static RedisConnectionException NotConnected(string message) =>
#if NET10_0_OR_GREATER
        new(ConnectionFailureType.UnableToConnect, CommandFlags.None, message);
#else
        new(ConnectionFailureType.UnableToConnect, message);
#endif

    /// <summary>
    /// The connection, or a failure at once while it is down: nothing waits for a dead Redis. A first connection
    /// still being made is waited for as long as the step may take (a step that runs out of time there counts for the
    /// breaker, like any other).
    /// </summary>
    private async Task<IConnectionMultiplexer> ConnectedAsync(CancellationToken cancellationToken)
    {
        var connecting = _connection.GetAsync();
        if (!connecting.IsCompleted && _firstConnectionWaitedOut)
        {
            // One step already waited out its time for the first connection: until it is made, Redis counts as down.
            throw NotConnected($"The duplicate guard's first connection to Redis ({_connection.Endpoints}) is still being made.");
        }

        IConnectionMultiplexer multiplexer;
        try
        {
            multiplexer = await connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!connecting.IsCompleted)
        {
            _firstConnectionWaitedOut = true;
            throw;
        }

        if (!multiplexer.IsConnected)
        {
            throw NotConnected($"The duplicate guard's Redis ({Endpoints(multiplexer)}) is not connected ({_lastConnectionFailure ?? "no connection made since start; StackExchange.Redis keeps retrying"}).");
        }

        return multiplexer;
    }

    private static string Endpoints(IConnectionMultiplexer multiplexer) => string.Join(", ", multiplexer.GetEndPoints().Select(RedisConnection.Format));
}
