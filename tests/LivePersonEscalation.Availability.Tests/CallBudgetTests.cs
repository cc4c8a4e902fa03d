using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace LivePersonEscalation.Availability.Tests;

/// <summary>
/// What availability costs LivePerson: API calls per hour depend on the skills and the intervals, never on the
/// escalation rate. 1,000 escalations over an hour of fake time, against both emulators over real HTTP.
/// </summary>
public sealed class CallBudgetTests(ITestOutputHelper log) : IAsyncLifetime
{
    private EscalationEmulator _escalations = null!;
    private AccountApiEmulator _accountApis = null!;

    public async Task InitializeAsync()
    {
        _escalations = await EscalationEmulator.StartAsync();
        _accountApis = await AccountApiEmulator.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _escalations.DisposeAsync();
        await _accountApis.DisposeAsync();
    }

    [Fact]
    public async Task A_thousand_escalations_in_an_hour_cost_the_same_calls_as_the_snapshot_alone()
    {
        string[] skills = ["111", "222", "333"];
        foreach (var skill in skills)
        {
            _accountApis.SetAgents(skill, online: 2);
            _accountApis.SetQueueHealth(skill, TimeSpan.FromSeconds(90));
        }

        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddLivePersonEscalation(o =>
        {
            o.Endpoint = _escalations.Endpoint;
            o.ApiAccessKey = _escalations.ApiAccessKey;
            for (var i = 0; i < skills.Length; i++)
            {
                o.Skills["skill-" + i] = skills[i];
            }
        }).AddSkillAvailability(o =>
        {
            _accountApis.Configure(o);
            o.QueueHealth.Enabled = true; // the wait too, at its default minute
        });
        await using var provider = services.BuildServiceProvider();
        var handoff = provider.GetRequiredService<AgentHandoff>();
        var availability = provider.GetRequiredService<ISkillAvailabilitySnapshot>();

        const int Minutes = 60;
        const int Escalations = 1000;
        var sent = 0;
        for (var minute = 0; minute < Minutes; minute++)
        {
            var due = (minute + 1) * Escalations / Minutes;
            await Task.WhenAll(Enumerable.Range(sent, due - sent).Select(i => handoff.HandOffAsync(
                new InMemoryBotContext("lp_web") { ConversationId = $"conv-{i}" },
                new AgentHandoffRequest { TransferMessage = "Transferring you.", AgentSkillId = skills[i % skills.Length] })));
            sent = due;

            // A minute passes; the refreshes it makes due run in the background, over real HTTP.
            // Waits until the snapshot shows them, so the next minute's refreshes find none still under way.
            time.Advance(TimeSpan.FromMinutes(1));
            var shiftDue = (minute + 1) % 15 == 0;
            await WaitForAsync(
                async () => (await availability.GetAllAsync()).All(a => a.AgentsCheckedAt == time.GetUtcNow() && a.ExpectedWaitAge == TimeSpan.Zero && (!shiftDue || a.ShiftCheckedAt == time.GetUtcNow())),
                async () => $"minute {minute + 1}: " + string.Join("; ", await availability.GetAllAsync()));
        }

        var budget = new Dictionary<AccountApi, int>
        {
            [AccountApi.Domain] = _accountApis.CallsTo(AccountApi.Domain),
            [AccountApi.AppToken] = _accountApis.CallsTo(AccountApi.AppToken),
            [AccountApi.ShiftStatus] = _accountApis.CallsTo(AccountApi.ShiftStatus),
            [AccountApi.SkillAvailability] = _accountApis.CallsTo(AccountApi.SkillAvailability),
            [AccountApi.QueueHealth] = _accountApis.CallsTo(AccountApi.QueueHealth),
        };
        log.WriteLine($"{Escalations} escalations, {skills.Length} skills, {Minutes} min: " + string.Join(", ", budget.Select(b => $"{b.Key} {b.Value}")) + $"; total {budget.Values.Sum()}");

        Assert.Equal(Escalations, _escalations.Escalations.Count);
        Assert.Equal(4, budget[AccountApi.Domain]); // sentinel, shiftstatus, agentManagerWorkspace, leDataReporting: cached for 6 hours
        Assert.Equal(2, budget[AccountApi.AppToken]); // a 1-hour token is fetched again 6 minutes before it expires
        Assert.Equal(skills.Length * (1 + (Minutes / 15)), budget[AccountApi.ShiftStatus]); // one per skill every 15 minutes
        Assert.Equal(1 + Minutes, budget[AccountApi.SkillAvailability]); // one for all skills every minute
        Assert.Equal(1 + Minutes, budget[AccountApi.QueueHealth]); // the wait: one for all skills every minute, none per escalation
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, Func<Task<string>> state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the background refresh did not run within 20 s: " + await state());
            await Task.Delay(5);
        }
    }
}
