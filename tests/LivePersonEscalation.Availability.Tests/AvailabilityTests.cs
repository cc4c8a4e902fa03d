using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LivePersonEscalation.Availability.Tests;

/// <summary>
/// Skill availability over real HTTP against both emulators: the escalation endpoint and LivePerson's account APIs
/// (Domain API, app token, login, shift status, skill availability). Time is a <see cref="FakeTimeProvider"/> where
/// refreshes or shifts must happen on cue; nothing here sleeps.
/// </summary>
public sealed class AvailabilityTests : IAsyncLifetime
{
    private const string Billing = "123456";
    private const string General = "100200300";

    private EscalationEmulator _escalations = null!;
    private AccountApiEmulator _accountApis = null!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        _escalations = await EscalationEmulator.StartAsync();
        _accountApis = await AccountApiEmulator.StartAsync();
        _accountApis.SetAgents(Billing, online: 2);
        _accountApis.SetAgents(General, online: 3);
    }

    public async Task DisposeAsync()
    {
        await _escalations.DisposeAsync();
        await _accountApis.DisposeAsync();
    }

    [Fact]
    public async Task Two_hundred_concurrent_escalations_cause_one_token_one_lookup_per_service_and_one_fetch_of_each_snapshot()
    {
        await using var provider = Provider();
        var handoff = provider.GetRequiredService<AgentHandoff>();

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            handoff.HandOffAsync(Context($"conv-{i}"), new AgentHandoffRequest { TransferMessage = "Transferring you.", AgentSkillName = i % 2 == 0 ? "billing" : "general" })));

        Assert.All(results, r => Assert.Equal(TransferDecisionKind.Escalate, r.Decision?.Kind));
        Assert.All(results, r => Assert.True(r.IsAccepted));
        Assert.Equal(200, _escalations.Escalations.Count);
        Assert.Equal(1, _accountApis.CallsTo(AccountApi.AppToken));
        Assert.Equal(1, _accountApis.CallsTo(AccountApi.SkillAvailability));
        Assert.Equal(2, _accountApis.CallsTo(AccountApi.ShiftStatus)); // one per configured skill
        foreach (var service in new[] { "sentinel", "shiftstatus", "agentManagerWorkspace" })
        {
            Assert.Equal(1, _accountApis.DomainLookupsOf(service));
        }
    }

    [Fact]
    public async Task An_off_shift_skill_is_not_escalated_and_its_opening_time_is_reported()
    {
        var opens = _time.GetUtcNow().AddHours(2);
        _accountApis.SetShift(Billing, onShift: false, nextOn: opens, nextOff: opens.AddHours(8));
        await using var provider = Provider();
        var context = Context("conv-off-shift");

        var result = await provider.GetRequiredService<AgentHandoff>().HandOffAsync(context, new AgentHandoffRequest { TransferMessage = "Transferring you.", AgentSkillName = "billing" });

        Assert.True(result.OutOfHours);
        Assert.True(result.IsWithheld);
        Assert.Equal(opens, result.OpensAt);
        Assert.False(result.IsAccepted);
        Assert.Equal(TransferMessageMethod.NotDelivered, result.TransferMessage.Method);
        Assert.Empty(context.SentMessages);
        Assert.Empty(context.VariableWrites);
        Assert.Empty(_escalations.Requests);
    }

    [Fact]
    public async Task The_shift_opens_at_nextOn_without_an_api_call()
    {
        var opens = _time.GetUtcNow().AddMinutes(30);
        _accountApis.SetShift(Billing, onShift: false, nextOn: opens, nextOff: opens.AddHours(8));
        await using var provider = Provider(o => o.ShiftRefreshInterval = o.AgentsRefreshInterval = TimeSpan.FromHours(1));
        var availability = provider.GetRequiredService<ISkillAvailabilitySnapshot>();

        Assert.Equal(false, (await availability.GetAsync(Billing)).OnShift);
        var calls = _accountApis.CallsTo(AccountApi.ShiftStatus);
        _time.Advance(TimeSpan.FromMinutes(31));
        var after = await availability.GetAsync(Billing);

        Assert.Equal(true, after.OnShift);
        Assert.Equal(opens.AddHours(8), after.NextOff);
        Assert.Equal(calls, _accountApis.CallsTo(AccountApi.ShiftStatus));
        var decision = await availability.DecideAsync(TestRequests.ForSkillName("conv-opened"));
        Assert.Equal(TransferDecisionKind.Escalate, decision.Kind);
    }

    [Fact]
    public async Task A_401_fetches_the_token_once_more_and_the_refresh_goes_on()
    {
        await using var provider = Provider();
        var availability = provider.GetRequiredService<ISkillAvailabilitySnapshot>();
        Assert.Equal(2, (await availability.GetAsync(Billing)).OnlineAgents);

        _accountApis.RevokeTokens();
        _accountApis.SetAgents(Billing, online: 5);
        _time.Advance(TimeSpan.FromMinutes(1)); // the agents' refresh is due
        var refreshed = await Eventually.UntilAsync(async () => await availability.GetAsync(Billing), a => a.OnlineAgents == 5);

        Assert.Equal(5, refreshed.OnlineAgents);
        Assert.Equal(2, _accountApis.CallsTo(AccountApi.AppToken));
        Assert.Equal(3, _accountApis.CallsTo(AccountApi.SkillAvailability)); // first fetch, the 401, the retry
        Assert.Null(refreshed.UnknownReason);
    }

    [Fact]
    public async Task Apis_answering_500_leave_escalations_working_flagged_unknown()
    {
        _accountApis.Fail(AccountApi.ShiftStatus, 500);
        _accountApis.Fail(AccountApi.SkillAvailability, 500);
        await using var provider = Provider();

        var result = await provider.GetRequiredService<AgentHandoff>().HandOffAsync(Context("conv-api-down"), new AgentHandoffRequest { TransferMessage = "Transferring you.", AgentSkillName = "billing" });

        Assert.True(result.IsAccepted);
        Assert.Equal(TransferDecisionKind.EscalateUnknown, result.Decision!.Kind);
        Assert.Contains("HTTP 500", result.Decision!.Reason, StringComparison.Ordinal);
        Assert.Single(_escalations.Escalations);
    }

    [Fact]
    public async Task A_slow_api_never_holds_an_escalation_longer_than_its_timeout()
    {
        _accountApis.Delay(AccountApi.SkillAvailability, TimeSpan.FromSeconds(30));
        await using var provider = Provider(o => o.Timeout = TimeSpan.FromSeconds(1), time: TimeProvider.System);
        var started = System.Diagnostics.Stopwatch.StartNew();

        var result = await provider.GetRequiredService<AgentHandoff>().HandOffAsync(Context("conv-slow"), new AgentHandoffRequest { TransferMessage = "Transferring you.", AgentSkillName = "billing" });

        Assert.True(result.IsAccepted);
        Assert.Equal(TransferDecisionKind.EscalateUnknown, result.Decision!.Kind);
        Assert.Contains("the agent counts are not fetched yet", result.Decision!.Reason, StringComparison.Ordinal); // the shift may be known by then, the agents are not
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(25), $"took {started.Elapsed}");
    }

    [Fact]
    public async Task The_last_good_snapshot_is_used_while_the_api_fails_and_no_longer_after_three_intervals()
    {
        await using var provider = Provider(o => o.ShiftRefreshInterval = TimeSpan.FromHours(1));
        var availability = provider.GetRequiredService<ISkillAvailabilitySnapshot>();
        Assert.Equal(2, (await availability.GetAsync(Billing)).OnlineAgents);
        _accountApis.Fail(AccountApi.SkillAvailability, 500);

        _time.Advance(TimeSpan.FromMinutes(1));
        await Eventually.UntilAsync(() => Task.FromResult(_accountApis.CallsTo(AccountApi.SkillAvailability)), calls => calls >= 2);
        var lastGood = await availability.GetAsync(Billing);
        Assert.Equal(2, lastGood.OnlineAgents);
        Assert.True(lastGood.Age >= TimeSpan.FromMinutes(1), $"age {lastGood.Age}");

        _time.Advance(TimeSpan.FromMinutes(2.5)); // 3.5 minutes: older than 3 intervals plus the timeout
        var stale = await Eventually.UntilAsync(async () => await availability.GetAsync(Billing), a => a.OnlineAgents is null);

        Assert.Contains("older than", stale.UnknownReason, StringComparison.Ordinal);
        Assert.Equal(TransferDecisionKind.EscalateUnknown, (await availability.DecideAsync(TestRequests.ForSkillName("conv-stale"))).Kind);
    }

    [Fact]
    public async Task A_skill_with_nobody_online_falls_back_to_a_skill_with_agents()
    {
        _accountApis.SetAgents(Billing, online: 0, away: 2);
        await using var provider = Provider();

        var result = await provider.GetRequiredService<AgentHandoff>().HandOffAsync(Context("conv-fallback"), new AgentHandoffRequest { TransferMessage = "Transferring you.", AgentSkillName = "billing" });

        Assert.Equal(TransferDecisionKind.EscalateToFallback, result.Decision!.Kind);
        Assert.Equal(General, Assert.Single(_escalations.Escalations).AgentSkillId);
        Assert.Equal(General, result.Request.AgentSkillId);
        Assert.Contains("2 away", result.Decision!.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(NoAgentsOnlineHandling.QueueAnyway, TransferDecisionKind.EscalateWithNoAgentsOnline, 1)]
    [InlineData(NoAgentsOnlineHandling.TellUser, TransferDecisionKind.NoAgentsOnline, 0)]
    public async Task Nobody_online_anywhere_queues_or_tells_the_user_as_configured(NoAgentsOnlineHandling handling, TransferDecisionKind expected, int sent)
    {
        _accountApis.SetAgents(Billing, online: 0);
        _accountApis.SetAgents(General, online: 0);
        await using var provider = Provider(o => o.WhenNoAgentsOnline = handling);

        var result = await provider.GetRequiredService<AgentHandoff>().HandOffAsync(Context("conv-nobody"), new AgentHandoffRequest { TransferMessage = "Transferring you.", AgentSkillName = "billing" });

        Assert.Equal(expected, result.Decision!.Kind);
        Assert.True(result.Decision.IsNoAgentsOnline);
        Assert.Equal(sent, _escalations.Escalations.Count);
    }

    [Fact]
    public async Task A_login_reads_every_skill_shift_in_one_account_call()
    {
        _accountApis.SetShift(Billing, onShift: true);
        _accountApis.SetShift(General, onShift: false, nextOn: _time.GetUtcNow().AddHours(1));
        await using var provider = Provider(login: true);

        var all = await provider.GetRequiredService<ISkillAvailabilitySnapshot>().GetAllAsync();

        Assert.Equal([true, false], all.OrderBy(a => a.SkillId == Billing ? 0 : 1).Select(a => a.OnShift));
        Assert.Equal(1, _accountApis.CallsTo(AccountApi.Login));
        Assert.Equal(0, _accountApis.CallsTo(AccountApi.AppToken));
        Assert.Equal(1, _accountApis.CallsTo(AccountApi.ShiftStatus));
    }

    [Fact]
    public async Task Wrong_credentials_leave_every_answer_unknown_naming_the_settings_and_never_the_secret()
    {
        await using var provider = Provider(o => o.ClientSecret = "wrong-secret-value");

        var answer = await provider.GetRequiredService<ISkillAvailabilitySnapshot>().GetAsync(Billing);

        Assert.Null(answer.OnShift);
        Assert.Contains("Availability:ClientId and Availability:ClientSecret", answer.UnknownReason, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret-value", answer.UnknownReason, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret-value", provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<SkillAvailabilityOptions>>().Value.ToString(), StringComparison.Ordinal);
    }

    private ServiceProvider Provider(Action<SkillAvailabilityOptions>? configure = null, bool login = false, TimeProvider? time = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time ?? _time);
        services.AddLivePersonEscalation(o =>
        {
            o.Endpoint = _escalations.Endpoint;
            o.ApiAccessKey = _escalations.ApiAccessKey;
            o.Skills["billing"] = Billing;
            o.Skills["general"] = General;
            o.Fallback.Skills["billing"] = "general";
        }).AddSkillAvailability(o =>
        {
            _accountApis.Configure(o, login);
            configure?.Invoke(o);
        });
        return services.BuildServiceProvider();
    }

    private static InMemoryBotContext Context(string conversationId) => new("lp_web") { ConversationId = conversationId };

}
