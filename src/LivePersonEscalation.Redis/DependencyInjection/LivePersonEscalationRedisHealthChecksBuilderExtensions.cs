using LivePersonEscalation.Redis.Internal;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Reports the Redis duplicate guard's health to ASP.NET Core and generic-host health checks.</summary>
public static class LivePersonEscalationRedisHealthChecksBuilderExtensions
{
    /// <summary>The name of the check of the unnamed registration: <c>liveperson-escalation-redis</c>.</summary>
    public const string DefaultName = "liveperson-escalation-redis";

    /// <summary>
    /// Adds a check of the duplicate guard's Redis (registered with <c>AddRedisDuplicateGuard()</c>): Unhealthy while
    /// Redis cannot be reached (each instance then guards only its own escalations), Degraded when Redis shows that it
    /// lost the guard's keys (a restart or failover) or can evict them (a <c>maxmemory-policy</c> other than
    /// <c>noeviction</c>), with the reason and the setting to change; Healthy otherwise.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="account">The named account whose guard to check (as given to <c>AddLivePersonEscalation(name, …)</c>); null for the unnamed registration.</param>
    /// <param name="name">The check's name; defaults to <see cref="DefaultName"/>, with <c>-{account}</c> for a named account.</param>
    /// <param name="failureStatus">The status reported when Redis cannot be reached; defaults to Unhealthy.</param>
    /// <param name="tags">Tags to filter checks by, e.g. <c>["ready"]</c> to keep it out of liveness probes.</param>
    /// <returns>The same builder.</returns>
    /// <example>
    /// <code>
    /// builder.Services.AddHealthChecks().AddRedisDuplicateGuard(tags: ["ready"]);
    /// </code>
    /// </example>
    public static IHealthChecksBuilder AddRedisDuplicateGuard(
        this IHealthChecksBuilder builder, string? account = null, string? name = null, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(
            name ?? (account is null ? DefaultName : DefaultName + "-" + account),
            // The store reports its own health (it is what the core package's check asks, too).
            provider => account is null
                ? provider.GetRequiredService<RedisDuplicateGuardStore>()
                : provider.GetRequiredKeyedService<RedisDuplicateGuardStore>(account),
            failureStatus,
            tags));
    }
}
