using LivePersonEscalation;
using LivePersonEscalation.DuplicateGuard;
using LivePersonEscalation.Internal;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Reports the escalation client's health to ASP.NET Core and generic-host health checks.</summary>
public static class LivePersonEscalationHealthChecksBuilderExtensions
{
    /// <summary>The name of the check of the unnamed registration: <c>liveperson-escalation</c>.</summary>
    public const string DefaultName = "liveperson-escalation";

    /// <summary>
    /// Adds a check of a registration's duplicate guard: with a shared store that reports its health (the Redis guard
    /// of <c>LivePersonEscalation.Redis</c>), Unhealthy while it cannot be reached and Degraded when it lost or can
    /// evict the guard's keys, with the reason; Healthy with the in-process guard. With skill availability configured
    /// (<see cref="SkillAvailabilityOptions"/>), also its snapshot: Degraded while a skill's shift or agents are unknown,
    /// with the reason and the data's age (<c>liveperson.availability.age_seconds</c>). The first check starts the
    /// snapshot (waiting at most <see cref="SkillAvailabilityOptions.Timeout"/>), so a readiness probe warms it up.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="account">The named account to check (as given to <c>AddLivePersonEscalation(name, …)</c>); null for the unnamed registration.</param>
    /// <param name="name">The check's name; defaults to <see cref="DefaultName"/>, with <c>-{account}</c> for a named account.</param>
    /// <param name="failureStatus">The status reported when the check fails; defaults to Unhealthy.</param>
    /// <param name="tags">Tags to filter checks by, e.g. <c>["ready"]</c> to keep it out of liveness probes.</param>
    /// <returns>The same builder.</returns>
    /// <example>
    /// <code>
    /// builder.Services.AddHealthChecks().AddLivePersonEscalation(tags: ["ready"]);
    /// app.MapHealthChecks("/healthz");
    /// </code>
    /// </example>
    public static IHealthChecksBuilder AddLivePersonEscalation(
        this IHealthChecksBuilder builder, string? account = null, string? name = null, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        Argument.NotNull(builder);
        return builder.Add(new HealthCheckRegistration(
            name ?? (account is null ? DefaultName : DefaultName + "-" + account),
            provider => new EscalationHealthCheck(
                account is null
                    ? provider.GetService<IDuplicateGuardStore>()
                    : provider.GetKeyedService<IDuplicateGuardStore>(account),
                account is null ? provider.GetService<ISkillAvailability>() : provider.GetKeyedService<ISkillAvailability>(account),
                account),
            failureStatus,
            tags));
    }
}
