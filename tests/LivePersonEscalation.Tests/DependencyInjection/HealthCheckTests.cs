using LivePersonEscalation.DuplicateGuard;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LivePersonEscalation.Tests.DependencyInjection;

public sealed class HealthCheckTests
{
    [Fact]
    public async Task With_the_in_process_guard_the_check_is_healthy_and_named_after_the_account()
    {
        var services = new ServiceCollection();
        services.AddLivePersonEscalation(o => o.ApiAccessKey = TestData.ApiKey);
        services.AddLivePersonEscalation("brand-b", o => o.ApiAccessKey = "key-of-brand-b");
        services.AddHealthChecks().AddLivePersonEscalation(tags: ["ready"]).AddLivePersonEscalation("brand-b");
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal(["liveperson-escalation", "liveperson-escalation-brand-b"], report.Entries.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("in this process", report.Entries["liveperson-escalation"].Description, StringComparison.Ordinal);
        Assert.Equal(["ready"], report.Entries["liveperson-escalation"].Tags);
        Assert.Equal("brand-b", report.Entries["liveperson-escalation-brand-b"].Data["liveperson.account"]);
    }

    [Fact]
    public async Task A_store_that_reports_its_own_health_decides_the_check()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IDuplicateGuardStore>(new UnhealthyStore());
        services.AddLivePersonEscalation(o => o.ApiAccessKey = TestData.ApiKey);
        services.AddHealthChecks().AddLivePersonEscalation();
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Equal("the store is down", report.Entries["liveperson-escalation"].Description);
    }
}
