using LivePersonEscalation;
using LivePersonEscalation.Availability.Internal;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Reports an account's skill-availability snapshot to ASP.NET Core and generic-host health checks.</summary>
public static class LivePersonEscalationAvailabilityHealthChecksBuilderExtensions
{
    /// <summary>The name of the check of the unnamed registration: <c>liveperson-escalation-availability</c>.</summary>
    public const string DefaultName = "liveperson-escalation-availability";

    /// <summary>
    /// Adds a check of an account's availability snapshot (<c>AddSkillAvailability()</c>): Healthy while every
    /// configured skill's shift and agents are known; Degraded while one is unknown, with the reason and the data's
    /// age (<c>liveperson.availability.age_seconds</c>), since escalations then go out unchecked. The first check
    /// starts the snapshot (waiting at most <see cref="SkillAvailabilityOptions.Timeout"/>), so a readiness probe
    /// warms it up.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="account">The named account to check (as given to <c>AddLivePersonEscalation(name, …)</c>); null for the unnamed registration.</param>
    /// <param name="name">The check's name; defaults to <see cref="DefaultName"/>, with <c>-{account}</c> for a named account.</param>
    /// <param name="failureStatus">The status reported when the check fails; defaults to Unhealthy.</param>
    /// <param name="tags">Tags to filter checks by, e.g. <c>["ready"]</c> to keep it out of liveness probes.</param>
    /// <returns>The same builder.</returns>
    /// <example>
    /// <code>
    /// builder.Services.AddHealthChecks().AddSkillAvailability(tags: ["ready"]);
    /// </code>
    /// </example>
    public static IHealthChecksBuilder AddSkillAvailability(
        this IHealthChecksBuilder builder, string? account = null, string? name = null, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(
            name ?? (account is null ? DefaultName : DefaultName + "-" + account),
            provider => new SkillAvailabilityHealthCheck(
                account is null ? provider.GetRequiredService<ISkillAvailabilitySnapshot>() : provider.GetRequiredKeyedService<ISkillAvailabilitySnapshot>(account),
                account),
            failureStatus,
            tags));
    }
}
