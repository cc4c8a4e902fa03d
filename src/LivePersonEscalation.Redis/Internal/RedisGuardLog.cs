using Microsoft.Extensions.Logging;

namespace LivePersonEscalation.Redis.Internal;

/// <summary>The Redis guard's log events, source-generated, in the library's category, with ids of their own.</summary>
internal static partial class RedisGuardLog
{
    [LoggerMessage(20, LogLevel.Warning, "Redis restarted or failed over (its run_id changed) while the duplicate guard used it, and may have lost the guard's recent escalations: a repeat within DuplicateGuard:Window can go out again from another instance. Run Redis with AOF persistence (appendonly yes) for restarts, and see the package README on replicas.")]
    public static partial void RunIdChanged(ILogger logger);

    [LoggerMessage(21, LogLevel.Warning, "Redis's maxmemory-policy is {Policy}, which can evict the duplicate guard's keys (they all have a TTL) and let a conversation be escalated twice: set maxmemory-policy to noeviction, or give the guard a Redis (or database) of its own.")]
    public static partial void EvictingPolicy(ILogger logger, string policy);

    [LoggerMessage(22, LogLevel.Debug, "Redis does not show its run_id or maxmemory-policy to the duplicate guard ({ErrorType}); data loss cannot be detected")]
    public static partial void DataSafetyUnknown(ILogger logger, string errorType);
}
