using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LivePersonEscalation.Availability.Tests;

public sealed class HealthCheckTests
{
    [Fact]
    public async Task Without_an_account_id_the_check_is_healthy_says_why_and_is_named_after_the_account()
    {
        var services = new ServiceCollection();
        services.AddLivePersonEscalation(o => o.ApiAccessKey = "test-api-key").AddSkillAvailability();
        services.AddLivePersonEscalation("brand-b", o => o.ApiAccessKey = "key-of-brand-b").AddSkillAvailability();
        services.AddHealthChecks().AddSkillAvailability(tags: ["ready"]).AddSkillAvailability("brand-b");
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal(["liveperson-escalation-availability", "liveperson-escalation-availability-brand-b"], report.Entries.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("not configured (Availability:AccountId)", report.Entries["liveperson-escalation-availability"].Description, StringComparison.Ordinal);
        Assert.Equal(["ready"], report.Entries["liveperson-escalation-availability"].Tags);
        Assert.Equal("brand-b", report.Entries["liveperson-escalation-availability-brand-b"].Data["liveperson.account"]);
    }
}
