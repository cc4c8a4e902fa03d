using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LivePersonEscalation.WebhookSample;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LivePersonEscalation.Webhook.Tests;

/// <summary>The webhook sample over real HTTP on 127.0.0.1, escalating to the emulator.</summary>
public sealed class WebhookSampleTests : IAsyncLifetime
{
    private const string Secret = WebhookHost.Secret;

    private WebhookHost? _host;

    private EscalationEmulator Emulator { get; set; } = null!;

    public async Task InitializeAsync() => Emulator = await EscalationEmulator.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await Emulator.DisposeAsync();
    }

    private async Task<HttpClient> StartAsync(Dictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        _host = await WebhookHost.StartAsync(Emulator, settings, time);
        return _host.Http;
    }

    private static HttpRequestMessage Call(object body, string? secret = Secret) => WebhookHost.Call("/escalations", body, secret);

    private static object Body(string channel = "lp_web", string? intent = "billing_question", string conversationId = "c-1") =>
        new { conversationId, userPlatformId = "u-1", chatBotId = "b-1", channel, intent };

    [Fact]
    public async Task A_call_with_the_secret_escalates_to_the_intents_skill_and_answers_accepted()
    {
        using var http = await StartAsync();

        using var response = await http.SendAsync(Call(Body()));
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(answer.GetProperty("accepted").GetBoolean());
        Assert.False(answer.GetProperty("sendTransferMessage").GetBoolean());
        var escalation = Assert.Single(Emulator.Escalations);
        Assert.Equal("123456", escalation.AgentSkillId);
        Assert.Equal("Hold on while I transfer you to an agent.", escalation.Message);
    }

    [Fact]
    public async Task An_intent_without_a_rule_goes_to_the_default_skill()
    {
        using var http = await StartAsync();

        using var response = await http.SendAsync(Call(Body(intent: "small_talk")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("100200300", Assert.Single(Emulator.Escalations).AgentSkillId);
    }

    [Fact]
    public async Task On_the_preview_channel_the_bot_is_told_to_send_the_transfer_message_itself()
    {
        using var http = await StartAsync();

        using var response = await http.SendAsync(Call(Body(channel: "web")));
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(answer.GetProperty("sendTransferMessage").GetBoolean());
        Assert.Equal("Hold on while I transfer you to an agent.", answer.GetProperty("transferMessage").GetString());
        Assert.Equal(EscalationRequest.BlankMessage, Assert.Single(Emulator.Escalations).Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong")]
    [InlineData(Secret + "x")]
    public async Task A_missing_or_wrong_secret_gets_401_and_sends_nothing(string? secret)
    {
        using var http = await StartAsync();

        using var response = await http.SendAsync(Call(Body(), secret));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(Emulator.Requests);
    }

    [Fact]
    public async Task A_placeholder_Conversation_Builder_left_unfilled_gets_a_400_naming_the_field_and_sends_nothing()
    {
        using var http = await StartAsync();

        using var response = await http.SendAsync(Call(new { conversationId = "{$botContext.convId}", userPlatformId = "u", chatBotId = "b", channel = "lp_web" }));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("a placeholder Conversation Builder did not fill", problem.GetProperty("errors").GetProperty("conversationId")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(Emulator.Requests);
    }

    [Fact]
    public async Task A_body_without_a_conversation_id_gets_a_400_problem_naming_it()
    {
        using var http = await StartAsync();

        using var response = await http.SendAsync(Call(new { userPlatformId = "u", chatBotId = "b", channel = "lp_web" }));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty("conversationId", out _));
        Assert.Empty(Emulator.Requests);
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_a_400_problem()
    {
        using var http = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/escalations") { Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Webhook-Secret", Secret);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_answers_200_as_json_with_each_checks_description()
    {
        using var http = await StartAsync();

        using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        var availability = report.RootElement.GetProperty("checks").GetProperty("liveperson-escalation-availability");
        Assert.Contains("not configured (Availability:AccountId)", availability.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_of_business_hours_the_bot_gets_the_closed_message_and_nothing_is_sent()
    {
        var sunday = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        using var http = await StartAsync(
            new()
            {
                ["Webhook:BusinessHours:Opens"] = "09:00",
                ["Webhook:BusinessHours:Closes"] = "17:00",
                ["Webhook:BusinessHours:Days:0"] = "Monday",
                ["Webhook:BusinessHours:Days:1"] = "Friday",
                ["Webhook:BusinessHours:ClosedMessage"] = "We open Monday at nine.",
            },
            sunday);

        using var response = await http.SendAsync(Call(Body()));
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.False(answer.GetProperty("accepted").GetBoolean());
        Assert.True(answer.GetProperty("outOfHours").GetBoolean());
        Assert.Equal("We open Monday at nine.", answer.GetProperty("showUser").GetString());
        Assert.Empty(Emulator.Requests);
    }

    [Fact]
    public async Task When_LivePerson_refuses_the_bot_gets_a_failure_text_to_show()
    {
        Emulator.Script(EmulatorResponse.Status(HttpStatusCode.BadRequest));
        using var http = await StartAsync();

        using var response = await http.SendAsync(Call(Body()));
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.False(answer.GetProperty("accepted").GetBoolean());
        Assert.Equal("Rejected", answer.GetProperty("failureKind").GetString());
        Assert.StartsWith("Sorry", answer.GetProperty("showUser").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_secret_the_webhook_does_not_start_and_says_which_setting()
    {
        var app = WebhookApp.Build(["--urls", "http://127.0.0.1:0"], Emulator);
        await using (app)
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

            Assert.Contains("Webhook:Secret is required", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Opens", "9:00", "Webhook:BusinessHours:Opens is '9:00', but must be HH:mm")]
    [InlineData("Closes", "5pm", "Webhook:BusinessHours:Closes is '5pm', but must be HH:mm")]
    [InlineData("TimeZone", "Mars/Olympus", "Webhook:BusinessHours:TimeZone is 'Mars/Olympus', which is not a time zone")]
    [InlineData("Opens", "23:00", "Webhook:BusinessHours:Opens (23:00) must be before Webhook:BusinessHours:Closes")]
    public async Task Business_hours_that_cannot_be_read_fail_start_up_naming_the_setting(string setting, string value, string expected)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new()
        {
            [$"Webhook:BusinessHours:{setting}"] = value,
            ["Webhook:BusinessHours:Closes"] = setting == "Closes" ? value : "22:00",
        }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_json_content_gets_415_and_sends_nothing()
    {
        using var http = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/escalations") { Content = new StringContent("conversationId=c-1", System.Text.Encoding.UTF8, "text/plain") };
        request.Headers.Add("X-Webhook-Secret", Secret);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(Emulator.Requests);
    }

    [Fact]
    public async Task A_control_character_in_any_field_gets_a_400_naming_it()
    {
        using var http = await StartAsync();

        using var response = await http.SendAsync(Call(new { conversationId = "c-1", userPlatformId = "u-1", chatBotId = "b-1", channel = "lp_web\u0000", intent = "billing_question" }));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("channel contains a control character", problem.GetProperty("errors").GetProperty("channel")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(Emulator.Requests);
    }
}
