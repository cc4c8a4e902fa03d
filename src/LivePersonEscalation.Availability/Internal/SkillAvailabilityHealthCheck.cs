using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LivePersonEscalation.Availability.Internal;

/// <summary>
/// The snapshot's health: Healthy while every configured skill's shift and agents are known, Degraded (with each
/// reason and the data's age) while one is not, since escalations then go out unchecked. The first check starts the
/// snapshot, so a readiness probe warms it up.
/// </summary>
internal sealed class SkillAvailabilityHealthCheck(ISkillAvailabilitySnapshot availability, string? account) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>();
        if (account is not null)
        {
            data[LivePersonEscalationTelemetry.AccountTag] = account;
        }

        if (!availability.IsEnabled)
        {
            return HealthCheckResult.Healthy("Skill availability is not configured (Availability:AccountId): escalations are sent unchecked.", data);
        }

        var skills = await availability.GetAllAsync(cancellationToken).ConfigureAwait(false);
        var unknown = skills.Where(skill => !skill.IsKnown).ToList();
        var oldest = skills.Select(skill => skill.Age).Max();
        data["liveperson.availability.skills"] = skills.Count;
        data["liveperson.availability.unknown_skills"] = unknown.Count;
        if (oldest is { } age)
        {
            data["liveperson.availability.age_seconds"] = (long)age.TotalSeconds;
        }

        // The wait is extra: unknown, escalations still go ahead; a feed not enabled on the account is said, not failed.
        var waits = skills.Count(skill => skill.ExpectedWait is not null);
        data["liveperson.availability.known_waits"] = waits;
        var feedOff = skills.Select(skill => skill.ExpectedWaitUnknownReason).FirstOrDefault(reason => reason?.Contains("not enabled on the account", StringComparison.Ordinal) == true);
        var queue = feedOff is not null ? $" Expected wait: {feedOff}." : string.Empty;

        return unknown.Count == 0
            ? HealthCheckResult.Healthy($"Skill availability: {skills.Count} skill(s) known, the oldest data {(long)(oldest ?? TimeSpan.Zero).TotalSeconds} s old.{queue}", data)
            : HealthCheckResult.Degraded(
                $"Skill availability unknown for {unknown.Count} of {skills.Count} skill(s), escalated unchecked meanwhile: {string.Join("; ", unknown.Select(skill => $"{skill.SkillId}: {skill.UnknownReason}"))}{queue}",
                data: data);
    }
}
