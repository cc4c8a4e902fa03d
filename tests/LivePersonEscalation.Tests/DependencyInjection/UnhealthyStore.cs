using LivePersonEscalation.DuplicateGuard;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LivePersonEscalation.Tests.DependencyInjection;

internal sealed class UnhealthyStore : IDuplicateGuardStore, IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Unhealthy("the store is down"));

    public ValueTask<DuplicateGuardRecord?> ReadAsync(string key, CancellationToken cancellationToken) => new((DuplicateGuardRecord?)null);

    public ValueTask<DuplicateGuardRecord?> WriteAsync(string key, string? expectedVersion, DuplicateGuardRecord record, CancellationToken cancellationToken) => new(record);

    public ValueTask<DuplicateGuardRecord?> WaitForChangeAsync(string key, string? version, TimeSpan maxWait, CancellationToken cancellationToken) => new((DuplicateGuardRecord?)null);
}
