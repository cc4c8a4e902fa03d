using LivePersonEscalation.DuplicateGuard;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LivePersonEscalation.Internal;

/// <summary>
/// The health of one registration: its duplicate guard's shared store when it has one that reports its own health
/// (the Redis store: reachable, and not losing or evicting the guard's keys); Healthy with the in-process guard. With
/// skill availability configured, also its snapshot: Degraded while a skill's answer is unknown (escalations then go
/// ahead unchecked), with the data's age. The first check starts the snapshot, so a readiness probe warms it up.
/// </summary>
internal sealed class EscalationHealthCheck(IDuplicateGuardStore? sharedStore, ISkillAvailability? availability, string? account) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var guard = sharedStore switch
        {
            IHealthCheck store => await store.CheckHealthAsync(context, cancellationToken).ConfigureAwait(false),
            null => HealthCheckResult.Healthy("The escalation client guards each conversation in this process (no shared store)."),
            _ => HealthCheckResult.Healthy($"The duplicate guard's store ({sharedStore.GetType().Name}) reports no health of its own."),
        };

        var data = new Dictionary<string, object>();
        foreach (var entry in guard.Data)
        {
            data[entry.Key] = entry.Value;
        }

        if (account is not null)
        {
            data[LivePersonEscalationTelemetry.AccountTag] = account;
        }

        if (availability is not { IsEnabled: true })
        {
            return new HealthCheckResult(guard.Status, guard.Description, guard.Exception, data);
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

        var snapshot = unknown.Count == 0
            ? $"Skill availability: {skills.Count} skill(s) known, the oldest data {(long)(oldest ?? TimeSpan.Zero).TotalSeconds} s old."
            : $"Skill availability unknown for {unknown.Count} of {skills.Count} skill(s), escalated unchecked meanwhile: {string.Join("; ", unknown.Select(skill => $"{skill.SkillId}: {skill.UnknownReason}"))}";
        var status = unknown.Count == 0 || guard.Status < HealthStatus.Degraded ? guard.Status : HealthStatus.Degraded;
        return new HealthCheckResult(status, guard.Description + " " + snapshot, guard.Exception, data);
    }
}
