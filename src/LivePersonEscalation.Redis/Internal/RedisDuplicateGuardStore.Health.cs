using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace LivePersonEscalation.Redis.Internal;

/// <summary>
/// What the store says of its Redis: reachable, and whether Redis shows it lost or can evict the guard's keys.
/// </summary>
internal sealed partial class RedisDuplicateGuardStore
{
    /// <summary>
    /// Unhealthy while Redis cannot be reached (escalations are then guarded by each instance alone); Degraded when
    /// Redis shows it lost, or can evict, the guard's keys; else Healthy.
    /// </summary>
    public async Task<HealthCheckResult> CheckHealthAsync(CancellationToken cancellationToken)
    {
        IConnectionMultiplexer multiplexer;
        try
        {
            multiplexer = await _connection.GetAsync().WaitAsync(_operationTimeout, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return Unreachable(ex);
        }

        if (!multiplexer.IsConnected)
        {
            return Unreachable(exception: null);
        }

        try
        {
            await multiplexer.GetDatabase().PingAsync().WaitAsync(_operationTimeout, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"The duplicate guard's Redis did not answer a PING within {_operationTimeout.TotalMilliseconds:0} ms.", ex);
        }

        await _dataSafety.CheckAsync(multiplexer, _operationTimeout).ConfigureAwait(false);
        return _dataSafety.Problem is { } problem ? HealthCheckResult.Degraded(problem) : HealthCheckResult.Healthy("The duplicate guard's Redis answers.");
    }

    Task<HealthCheckResult> IHealthCheck.CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken) => CheckHealthAsync(cancellationToken);

    private static HealthCheckResult Unreachable(Exception? exception) =>
        HealthCheckResult.Unhealthy("The duplicate guard cannot reach Redis: each instance guards only its own escalations until it is back.", exception);

    /// <summary>Checks Redis for data loss once connected, and again after every reconnection.</summary>
    private async Task WatchAsync()
    {
        IConnectionMultiplexer multiplexer;
        try
        {
            multiplexer = await _connection.GetAsync().ConfigureAwait(false);
        }
        catch (RedisException)
        {
            // No connection, so nothing to watch; every step says so at once.
            return;
        }

        multiplexer.ConnectionFailed += (_, args) =>
        {
            if (args.ConnectionType == ConnectionType.Interactive)
            {
                // Why the connection is down, for the "not connected" failures that follow (logged by the core).
                _lastConnectionFailure = "last failure: " + $"{args.FailureType} on {(args.EndPoint is { } endpoint ? RedisConnection.Format(endpoint) : "?")}{(args.Exception is { } cause ? ": " + cause.Message : string.Empty)}";
            }
        };
        multiplexer.ConnectionRestored += (_, args) =>
        {
            if (args.ConnectionType == ConnectionType.Interactive)
            {
                // A connection restored is a Redis that answers: no step skips it any longer.
                _ = _breaker.CloseAsync();
                _ = _dataSafety.CheckAsync(multiplexer, _operationTimeout);
            }
        };
        if (multiplexer.IsConnected)
        {
            await _dataSafety.CheckAsync(multiplexer, _operationTimeout).ConfigureAwait(false);
        }
    }
}
