using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LivePersonEscalation.Internal;

/// <summary>
/// The health of one registration: its duplicate guard's shared store when it has one that reports its own health
/// (the Redis store: reachable, and not losing or evicting the guard's keys); Healthy with the in-process guard.
/// </summary>
internal sealed class EscalationHealthCheck(IDuplicateGuardStore? sharedStore, string? account) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = account is null ? null : new Dictionary<string, object> { [LivePersonEscalationTelemetry.AccountTag] = account };
        return sharedStore switch
        {
            IHealthCheck store => store.CheckHealthAsync(context, cancellationToken),
            null => Task.FromResult(HealthCheckResult.Healthy("The escalation client guards each conversation in this process (no shared store).", data)),
            _ => Task.FromResult(HealthCheckResult.Healthy($"The duplicate guard's store ({sharedStore.GetType().Name}) reports no health of its own.", data)),
        };
    }
}
