using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LivePersonEscalation.Tests.Configuration;

/// <summary>A save is often notified twice (a file watcher sees the write and the close): the reload is logged once per change.</summary>
public sealed class ReloadLogTests
{
    [Fact]
    public void Reload_is_logged_once_per_change_and_not_at_all_without_one()
    {
        var root = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LivePerson:Escalation:ApiAccessKey"] = TestData.ApiKey,
            ["LivePerson:Escalation:Timeout"] = "00:00:10",
        }).Build();
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddLivePersonEscalation(root.GetSection(EscalationOptions.SectionName));
        using var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<IEscalationClient>();
        var logs = provider.GetFakeLogCollector();
        int Reloaded() => logs.GetSnapshot().Count(record => record.Id.Id == 18);
        int Rejected() => logs.GetSnapshot().Count(record => record.Id.Id == 17);

        root.Reload();
        root.Reload();
        var unchanged = Reloaded();

        root["LivePerson:Escalation:Timeout"] = "00:00:20";
        root.Reload();
        root.Reload();
        var changed = Reloaded();

        root["LivePerson:Escalation:Timeout"] = "15";
        // The options monitor recomputes on the same notification and throws into it; the file provider's watcher
        // swallows that, a direct Reload() does not.
        _ = Record.Exception(root.Reload);
        _ = Record.Exception(root.Reload);

        Assert.Equal(0, unchanged);
        Assert.Equal(1, changed);
        Assert.Equal(1, Rejected());
    }
}
