using LivePersonEscalation.DuplicateGuard;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LivePersonEscalation.Tests.DependencyInjection;

internal sealed class UnhealthyStore : IDuplicateGuardStore, IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Unhealthy("the store is down"));

    public ValueTask<DuplicateGuardEntry?> TryClaimAsync(string key, DuplicateGuardEntry claim, TimeSpan expiry, CancellationToken cancellationToken) => new((DuplicateGuardEntry?)null);

    public ValueTask SettleAsync(string key, string owner, DuplicateGuardEntry? outcome, TimeSpan expiry, CancellationToken cancellationToken) => default;

    public ValueTask<DuplicateGuardEntry?> WaitWhileInFlightAsync(string key, DuplicateGuardEntry inFlight, TimeSpan maxWait, CancellationToken cancellationToken) => new((DuplicateGuardEntry?)null);

    public ValueTask<TransferFailureRecord?> RecordTransferFailureAsync(string key, string? escalationId, string? agentSkillId, TransferFailureRules rules, CancellationToken cancellationToken) => new((TransferFailureRecord?)null);
}
