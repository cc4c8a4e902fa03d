using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LivePersonEscalation.Redis.Internal;

/// <summary>Reports the Redis duplicate guard of one registration (see <see cref="RedisDuplicateGuardStore.CheckHealthAsync"/>).</summary>
internal sealed class RedisGuardHealthCheck(RedisDuplicateGuardStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        store.CheckHealthAsync(cancellationToken);
}
