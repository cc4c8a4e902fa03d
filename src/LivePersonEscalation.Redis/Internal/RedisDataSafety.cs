using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace LivePersonEscalation.Redis.Internal;

/// <summary>
/// Watches for what makes Redis forget the guard's keys, where Redis shows it: a new <c>run_id</c> after a reconnect
/// (a restart without persistence, or a failover) and a <c>maxmemory-policy</c> that evicts keys with a TTL. Each is a
/// warning that names the setting, the metric <c>liveperson.escalation.guard_data_loss</c> (tag <c>liveperson.guard.reason</c>:
/// <c>restart</c> or <c>evicting_policy</c>), and a Degraded health status (a restart for one window after it was seen).
/// </summary>
internal sealed class RedisDataSafety
{
    private readonly ILogger _logger;
    private readonly Counter<long> _dataLoss;
    private readonly TimeSpan _window;
    private readonly TimeProvider _timeProvider;
    private readonly object _gate = new();
    private string? _runId;
    private string? _evictingPolicy;
    private long? _restartSeenAt;

    public RedisDataSafety(ILoggerFactory? loggerFactory, IMeterFactory? meterFactory, TimeSpan window, TimeProvider timeProvider)
    {
        _logger = loggerFactory?.CreateLogger("LivePersonEscalation") ?? NullLogger.Instance;
        var meter = meterFactory?.Create("LivePersonEscalation") ?? SharedMeter;
        _dataLoss = meter.CreateCounter<long>("liveperson.escalation.guard_data_loss", "{event}", "Signs that the duplicate guard's Redis lost (or can evict) its keys.");
        _window = window;
        _timeProvider = timeProvider;
    }

    /// <summary>What makes the guard's data unsafe now, or null.</summary>
    public string? Problem
    {
        get
        {
            lock (_gate)
            {
                if (_evictingPolicy is not null)
                {
                    return $"Redis's maxmemory-policy is {_evictingPolicy}, which can evict the guard's keys: set it to noeviction.";
                }

                return _restartSeenAt is { } seen && _timeProvider.GetElapsedTime(seen) < _window
                    ? "Redis restarted or failed over moments ago (its run_id changed) and may have lost recent escalations: run it with AOF persistence (appendonly yes)."
                    : null;
            }
        }
    }

    private static Meter SharedMeter { get; } = new("LivePersonEscalation");

    /// <summary>Asks Redis for its run id and eviction policy, and reports what changed. Never throws.</summary>
    public async Task CheckAsync(IConnectionMultiplexer multiplexer, TimeSpan timeout)
    {
        try
        {
            await CheckCoreAsync(multiplexer, timeout).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A log provider or meter listener that throws loses its own record; what was seen is kept.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private async Task CheckCoreAsync(IConnectionMultiplexer multiplexer, TimeSpan timeout)
    {
        RedisResult[]? answer;
        try
        {
            var result = await multiplexer.GetDatabase().ScriptEvaluateAsync(RedisGuardScripts.DataSafety).WaitAsync(timeout).ConfigureAwait(false);
            answer = (RedisResult[]?)result;
        }
#pragma warning disable CA1031 // A Redis that does not show this (a managed service, Garnet) is not an error of the guard.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            RedisGuardLog.DataSafetyUnknown(_logger, ex.GetType().Name);
            return;
        }

        if (answer is not { Length: 2 })
        {
            return;
        }

        Observe(runId: (string?)answer[0], policy: (string?)answer[1]);
    }

    private void Observe(string? runId, string? policy)
    {
        bool restarted, evicting;
        lock (_gate)
        {
            restarted = !string.IsNullOrEmpty(runId) && _runId is not null && _runId != runId;
            if (!string.IsNullOrEmpty(runId))
            {
                _runId = runId;
            }

            if (restarted)
            {
                _restartSeenAt = _timeProvider.GetTimestamp();
            }

            var nowEvicting = IsEvicting(policy) ? policy : null;
            evicting = nowEvicting is not null && nowEvicting != _evictingPolicy;
            _evictingPolicy = nowEvicting;
        }

        if (restarted)
        {
            RedisGuardLog.RunIdChanged(_logger);
            _dataLoss.Add(1, new KeyValuePair<string, object?>("liveperson.guard.reason", "restart"));
        }

        if (evicting)
        {
            RedisGuardLog.EvictingPolicy(_logger, policy!);
            _dataLoss.Add(1, new KeyValuePair<string, object?>("liveperson.guard.reason", "evicting_policy"));
        }
    }

    /// <summary>Every policy but <c>noeviction</c> can evict the guard's keys: they all have a TTL, so <c>volatile-*</c> too.</summary>
    private static bool IsEvicting(string? policy) =>
        !string.IsNullOrEmpty(policy) && !string.Equals(policy, "noeviction", StringComparison.OrdinalIgnoreCase);
}
