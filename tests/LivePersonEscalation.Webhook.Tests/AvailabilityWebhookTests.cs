using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LivePersonEscalation.Webhook.Tests;

/// <summary>The webhook with LivePerson's shift status and agents online (the embedded account APIs): off shift and nobody online answered without a send.</summary>
public sealed class AvailabilityWebhookTests : IAsyncLifetime
{
    private const string Billing = "123456";
    private const string General = "100200300";
    private const string Sales = "234567";

    private EscalationEmulator _emulator = null!;
    private AccountApiEmulator _accountApis = null!;
    private WebhookHost? _host;

    public async Task InitializeAsync()
    {
        _emulator = await EscalationEmulator.StartAsync();
        _accountApis = await AccountApiEmulator.StartAsync();
        _accountApis.SetAgents(Billing, online: 1);
        _accountApis.SetAgents(General, online: 4);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await _emulator.DisposeAsync();
        await _accountApis.DisposeAsync();
    }

    private async Task<JsonElement> EscalateAsync(string intent, string conversationId, Dictionary<string, string?>? settings = null)
    {
        _host ??= await WebhookHost.StartAsync(_emulator, settings, accountApis: _accountApis);
        using var response = await _host.Http.SendAsync(WebhookHost.Call("/escalations", new { conversationId, userPlatformId = "u-1", chatBotId = "b-1", channel = "lp_web", intent }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task An_off_shift_skill_answers_out_of_hours_with_its_opening_time_and_sends_nothing()
    {
        var opens = new DateTimeOffset(2030, 1, 7, 9, 0, 0, TimeSpan.Zero);
        _accountApis.SetShift(Sales, onShift: false, nextOn: opens);

        var answer = await EscalateAsync("buy_product", "c-off");

        Assert.False(answer.GetProperty("accepted").GetBoolean());
        Assert.True(answer.GetProperty("outOfHours").GetBoolean());
        Assert.Equal("2030-01-07T09:00:00Z", answer.GetProperty("opensAt").GetString());
        // Built from opensAt, not a fixed "please write again later".
        Assert.Equal("Our agents are away right now; they are back on Monday at 09:00 (UTC). Please write again then.", answer.GetProperty("showUser").GetString());
        Assert.Empty(_emulator.Requests);
    }

    [Fact]
    public async Task An_on_shift_skill_with_agents_answers_accepted()
    {
        var answer = await EscalateAsync("billing_question", "c-on");

        Assert.True(answer.GetProperty("accepted").GetBoolean());
        Assert.False(answer.TryGetProperty("noAgentsOnline", out _));
        Assert.Equal(Billing, Assert.Single(_emulator.Escalations).AgentSkillId);
    }

    [Fact]
    public async Task Nobody_online_falls_back_to_the_skill_with_agents()
    {
        _accountApis.SetAgents(Billing, online: 0);

        var answer = await EscalateAsync("billing_question", "c-fallback");

        Assert.True(answer.GetProperty("accepted").GetBoolean());
        Assert.True(answer.GetProperty("fallback").GetBoolean());
        Assert.Equal("general", answer.GetProperty("skill").GetString());
        Assert.Equal(General, Assert.Single(_emulator.Escalations).AgentSkillId);
    }

    [Fact]
    public async Task Nobody_online_anywhere_with_TellUser_answers_no_agents_online_and_sends_nothing()
    {
        _accountApis.SetAgents(Billing, online: 0);
        _accountApis.SetAgents(General, online: 0);

        var answer = await EscalateAsync("billing_question", "c-nobody", new() { ["LivePerson:Escalation:Availability:WhenNoAgentsOnline"] = "TellUser" });

        Assert.False(answer.GetProperty("accepted").GetBoolean());
        Assert.True(answer.GetProperty("noAgentsOnline").GetBoolean());
        Assert.Contains("busy", answer.GetProperty("showUser").GetString(), StringComparison.Ordinal);
        Assert.Empty(_emulator.Requests);
    }

    [Fact]
    public async Task The_account_apis_down_leave_escalations_working_flagged_unknown()
    {
        _accountApis.Fail(AccountApi.SkillAvailability, 500);

        var answer = await EscalateAsync("billing_question", "c-down");

        Assert.True(answer.GetProperty("accepted").GetBoolean());
        Assert.True(answer.GetProperty("availabilityUnknown").GetBoolean());
    }

    [Fact]
    public async Task A_known_wait_is_answered_in_seconds_and_said_in_the_transfer_message()
    {
        _accountApis.SetQueueHealth(Billing, TimeSpan.FromSeconds(130));
        _host = await WebhookHost.StartAsync(_emulator, QueueHealth(), accountApis: _accountApis);
        await WaitForQueueHealthAsync(_host, Billing);

        using var response = await _host.Http.SendAsync(WebhookHost.Call("/escalations", new { conversationId = "c-wait", userPlatformId = "u-1", chatBotId = "b-1", channel = "lp_web", intent = "billing_question" }));
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(answer.GetProperty("accepted").GetBoolean());
        Assert.Equal(130, answer.GetProperty("expectedWaitSeconds").GetInt64());
        Assert.Equal("Hold on while I transfer you to an agent. The current wait is about 3 minute(s).", Assert.Single(_emulator.Escalations).Message);
    }

    [Fact]
    public async Task A_long_wait_is_answered_with_the_wait_to_show_and_sent_once_the_user_accepts_it()
    {
        _accountApis.SetQueueHealth(Billing, TimeSpan.FromMinutes(25));
        _host = await WebhookHost.StartAsync(_emulator, QueueHealth(("LivePerson:Escalation:Availability:QueueHealth:AskUserAbove", "00:15:00")), accountApis: _accountApis);
        await WaitForQueueHealthAsync(_host, Billing);

        using var asked = await _host.Http.SendAsync(WebhookHost.Call("/escalations", new { conversationId = "c-long", userPlatformId = "u-1", chatBotId = "b-1", channel = "lp_web", intent = "billing_question" }));
        var question = await asked.Content.ReadFromJsonAsync<JsonElement>();
        var sentBefore = _emulator.Requests.Count;
        using var accepted = await _host.Http.SendAsync(WebhookHost.Call("/escalations", new { conversationId = "c-long", userPlatformId = "u-1", chatBotId = "b-1", channel = "lp_web", intent = "billing_question", acceptWait = true }));
        var answer = await accepted.Content.ReadFromJsonAsync<JsonElement>();

        Assert.False(question.GetProperty("accepted").GetBoolean());
        Assert.True(question.GetProperty("longWait").GetBoolean());
        Assert.Equal(1500, question.GetProperty("expectedWaitSeconds").GetInt64());
        Assert.Equal("The current wait for an agent is about 25 minute(s). Would you like to wait, or leave a message?", question.GetProperty("showUser").GetString());
        Assert.Equal(0, sentBefore);
        Assert.True(answer.GetProperty("accepted").GetBoolean());
        Assert.Single(_emulator.Escalations);
    }

    private static Dictionary<string, string?> QueueHealth(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["LivePerson:Escalation:Availability:QueueHealth:Enabled"] = "true" };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Until the webhook's snapshot has fetched the wait (in the background, over real HTTP), for at most 20 s.</summary>
    internal static async Task WaitForQueueHealthAsync(WebhookHost host, string skillId)
    {
        var snapshot = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ISkillAvailabilitySnapshot>(host.App.Services);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await snapshot.GetAsync(skillId)).ExpectedWait is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the webhook's snapshot never had the wait");
            await Task.Delay(20);
        }
    }
}
