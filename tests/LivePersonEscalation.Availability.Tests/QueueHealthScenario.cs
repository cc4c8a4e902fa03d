using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LivePersonEscalation.Availability.Tests;

/// <summary>
/// What the queue-health and wait tests start from: two skills on shift with agents online, an escalation emulator,
/// the account APIs on a fake clock, and the services of a client with queue health on.
/// </summary>
public abstract class QueueHealthScenario(int billingAgents, int generalAgents) : IAsyncLifetime
{
    protected const string Billing = "123456";
    protected const string General = "100200300";

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    protected EscalationEmulator Escalations { get; private set; } = null!;

    protected AccountApiEmulator AccountApis { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Escalations = await EscalationEmulator.StartAsync();
        AccountApis = await AccountApiEmulator.StartAsync(new AccountApiEmulatorOptions { TimeProvider = Time });
        AccountApis.SetShift(Billing, onShift: true);
        AccountApis.SetShift(General, onShift: true);
        AccountApis.SetAgents(Billing, online: billingAgents);
        AccountApis.SetAgents(General, online: generalAgents);
    }

    public async Task DisposeAsync()
    {
        await AccountApis.DisposeAsync();
        await Escalations.DisposeAsync();
    }

    /// <summary>The fake clock, a client of both skills on the escalation emulator, and availability with queue health on.</summary>
    protected ServiceCollection QueueHealthServices(Action<SkillAvailabilityOptions>? configure, Action<EscalationOptions>? escalation)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddLivePersonEscalation(o =>
        {
            o.Endpoint = Escalations.Endpoint;
            o.ApiAccessKey = Escalations.ApiAccessKey;
            o.Skills["billing"] = Billing;
            o.Skills["general"] = General;
            escalation?.Invoke(o);
        }).AddSkillAvailability(o =>
        {
            AccountApis.Configure(o);
            o.QueueHealth.Enabled = true;
            configure?.Invoke(o);
        });
        return services;
    }
}
