using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LivePersonEscalation.Webhook.Tests;

/// <summary>/escalations and /transfer-failures over real HTTP: fallback, repeats, give-up, and a bot that hangs up.</summary>
public sealed class TransferFailureWebhookTests : IAsyncLifetime
{
    private WebhookHost _host = null!;

    private EscalationEmulator Emulator { get; set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await EscalationEmulator.StartAsync();
        _host = await WebhookHost.StartAsync(Emulator, new()
        {
            ["LivePerson:Escalation:Fallback:Skills:billing"] = "general",
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await Emulator.DisposeAsync();
    }

    private static object Escalation(string intent = "billing_question", string channel = "lp_web", string conversationId = "c-1") =>
        new { conversationId, userPlatformId = "u-1", chatBotId = "b-1", channel, intent };

    private static object Failure(string? escalationId, string intent = "billing_question", string channel = "lp_web") =>
        new { conversationId = "c-1", userPlatformId = "u-1", chatBotId = "b-1", channel, intent, escalationId };

    private async Task<JsonElement> PostAsync(string path, object body)
    {
        using var response = await _host.Http.SendAsync(WebhookHost.Call(path, body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private IEnumerable<string> SentSkills => Emulator.Escalations.Select(e => e.AgentSkillId);

    [Fact]
    public async Task A_transfer_failure_falls_back_to_the_next_skill_and_answers_its_escalation()
    {
        var first = await PostAsync("/escalations", Escalation());

        var fallback = await PostAsync("/transfer-failures", Failure(first.GetProperty("escalationId").GetString()));

        Assert.Equal(["123456", "100200300"], SentSkills);
        Assert.Equal(0, first.GetProperty("failures").GetInt32());
        Assert.True(fallback.GetProperty("accepted").GetBoolean());
        Assert.True(fallback.GetProperty("fallback").GetBoolean());
        Assert.Equal("general", fallback.GetProperty("skill").GetString());
        Assert.Equal(1, fallback.GetProperty("failures").GetInt32());
        Assert.NotEqual(first.GetProperty("escalationId").GetString(), fallback.GetProperty("escalationId").GetString());
    }

    [Fact]
    public async Task A_repeated_report_sends_nothing_and_answers_the_current_state()
    {
        var first = await PostAsync("/escalations", Escalation());
        var fallback = await PostAsync("/transfer-failures", Failure(first.GetProperty("escalationId").GetString()));

        var repeated = await PostAsync("/transfer-failures", Failure(first.GetProperty("escalationId").GetString()));

        Assert.Equal(2, Emulator.Escalations.Count);
        Assert.True(repeated.GetProperty("accepted").GetBoolean());
        Assert.True(repeated.GetProperty("repeated").GetBoolean());
        Assert.Equal(1, repeated.GetProperty("failures").GetInt32());
        Assert.Equal("general", repeated.GetProperty("skill").GetString());
        Assert.Equal(fallback.GetProperty("escalationId").GetString(), repeated.GetProperty("escalationId").GetString());
    }

    [Fact]
    public async Task At_the_end_of_the_chain_the_bot_is_told_to_give_up_and_nothing_more_is_sent()
    {
        var first = await PostAsync("/escalations", Escalation());
        var fallback = await PostAsync("/transfer-failures", Failure(first.GetProperty("escalationId").GetString()));

        var gaveUp = await PostAsync("/transfer-failures", Failure(fallback.GetProperty("escalationId").GetString()));
        var askedAgain = await PostAsync("/escalations", Escalation("buy_product"));

        Assert.Equal(2, Emulator.Escalations.Count);
        Assert.False(gaveUp.GetProperty("accepted").GetBoolean());
        Assert.True(gaveUp.GetProperty("gaveUp").GetBoolean());
        Assert.Equal(2, gaveUp.GetProperty("failures").GetInt32());
        Assert.StartsWith("I'm sorry, none of our agents", gaveUp.GetProperty("showUser").GetString(), StringComparison.Ordinal);
        Assert.False(askedAgain.GetProperty("accepted").GetBoolean());
        Assert.True(askedAgain.GetProperty("gaveUp").GetBoolean());
        Assert.Equal(gaveUp.GetProperty("showUser").GetString(), askedAgain.GetProperty("showUser").GetString());
    }

    [Fact]
    public async Task A_conversation_already_escalated_to_another_skill_answers_accepted_with_the_skill_it_went_to()
    {
        var first = await PostAsync("/escalations", Escalation("billing_question"));

        var other = await PostAsync("/escalations", Escalation("buy_product"));

        Assert.Single(Emulator.Escalations);
        Assert.True(other.GetProperty("accepted").GetBoolean());
        Assert.True(other.GetProperty("deduplicated").GetBoolean());
        Assert.Equal("billing", other.GetProperty("skill").GetString());
        Assert.Equal(first.GetProperty("escalationId").GetString(), other.GetProperty("escalationId").GetString());
        Assert.False(other.TryGetProperty("showUser", out _));
    }

    [Fact]
    public async Task A_report_for_a_conversation_never_escalated_gets_a_400_naming_the_escalation_id_and_sends_nothing()
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var response = await _host.Http.SendAsync(WebhookHost.Call("/transfer-failures", Failure(escalationId: null)));
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("Escalate the conversation again", problem.GetProperty("errors").GetProperty("escalationId")[0].GetString(), StringComparison.Ordinal);
        }

        Assert.Empty(Emulator.Requests);
    }

    [Theory]
    [InlineData("other")]
    [InlineData("forged")]
    [InlineData("blank")]
    public async Task A_report_naming_an_escalation_this_conversation_never_had_gets_a_400_and_counts_nothing(string which)
    {
        var mine = await PostAsync("/escalations", Escalation(conversationId: "c-1"));
        var other = await PostAsync("/escalations", Escalation(conversationId: "c-2"));
        var named = which switch { "other" => other.GetProperty("escalationId").GetString(), "forged" => "AAAAAAAAAAA-1", _ => "" };

        using var response = await _host.Http.SendAsync(WebhookHost.Call("/transfer-failures", Failure(named)));
        var real = await PostAsync("/transfer-failures", Failure(mine.GetProperty("escalationId").GetString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, real.GetProperty("failures").GetInt32());
        Assert.Equal(3, Emulator.Requests.Count);
    }

    [Fact]
    public async Task A_report_with_a_malformed_escalation_id_gets_a_400_problem_naming_it()
    {
        using var response = await _host.Http.SendAsync(WebhookHost.Call("/transfer-failures", Failure("not-an-id")));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("EscalationId", problem.GetProperty("errors").GetProperty("report")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(Emulator.Requests);
    }

    [Fact]
    public async Task A_report_without_the_secret_gets_401_and_records_nothing()
    {
        using var response = await _host.Http.SendAsync(WebhookHost.Call("/transfer-failures", Failure(null), secret: "wrong"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(Emulator.Requests);
    }

    [Fact]
    public async Task A_bot_that_hangs_up_before_LivePerson_answers_leaves_an_accepted_escalation_its_retry_is_told_about()
    {
        Emulator.Script(EmulatorResponse.Accept().After(TimeSpan.FromSeconds(1)));
        using (var hangUp = new CancellationTokenSource())
        {
            var call = _host.Http.SendAsync(WebhookHost.Call("/escalations", Escalation()), hangUp.Token);
            await Emulator.WaitForEscalationsAsync(1, TimeSpan.FromSeconds(30));
            await hangUp.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        }

        var retry = await PostAsync("/escalations", Escalation());

        Assert.Single(Emulator.Requests);
        Assert.True(retry.GetProperty("accepted").GetBoolean());
        Assert.True(retry.GetProperty("deduplicated").GetBoolean());
        Assert.False(retry.GetProperty("outcomeUnknown").GetBoolean());
    }
}
