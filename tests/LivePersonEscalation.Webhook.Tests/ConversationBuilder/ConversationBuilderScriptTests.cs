using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using LivePersonEscalation.WebhookSample;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LivePersonEscalation.Webhook.Tests;

/// <summary>
/// The Conversation Builder JavaScript of the webhook's README, taken from the markdown and run in node (cb-runtime.js:
/// the integration interaction as LivePerson documents it, with a botContext of the documented functions) against the
/// running webhook over HTTP. Each case asserts what the user is told.
/// </summary>
public sealed class ConversationBuilderScriptTests : WebhookOnEmulator
{
    private const string Fallback = "Sorry, I cannot reach our agents right now. Please try again in a few minutes.";
    private static readonly Lazy<ReadmeScripts> Scripts = new(ReadmeScripts.Read);

    /// <summary>The webhook's settings as it runs (its appsettings.json), for the texts the user is told.</summary>
    private WebhookSettings Settings => Host.App.Services.GetRequiredService<IOptions<WebhookSettings>>().Value;

    [Fact]
    public async Task Accepted_on_messaging_the_bot_says_nothing_and_keeps_the_escalation_id()
    {
        var result = await RunAsync("Escalate", Conversation("lp_web"));

        Assert.Empty(result.Messages);
        Assert.Matches("^[A-Za-z0-9_-]{11}-[0-9]+$", result.Variables["escalationId"]);
        Assert.Equal("Hold on while I transfer you to an agent.", Assert.Single(Emulator.Escalations).Message);
    }

    [Fact]
    public async Task On_the_preview_the_bot_sends_the_transfer_message_itself()
    {
        var result = await RunAsync("Escalate", Conversation("web"));

        Assert.Equal([Settings.TransferMessage], result.Messages);
        Assert.Equal(EscalationRequest.BlankMessage, Assert.Single(Emulator.Escalations).Message);
    }

    [Fact]
    public async Task Refused_by_LivePerson_the_user_is_told_the_failure_text()
    {
        Emulator.Script(EmulatorResponse.Status(HttpStatusCode.BadRequest, "{\"error\":\"bad skill\"}"));

        var result = await RunAsync("Escalate", Conversation("lp_web"));

        Assert.Equal([Settings.FailureMessage], result.Messages);
    }

    [Fact]
    public async Task An_outcome_unknown_tells_the_user_the_bot_is_still_trying_not_silence()
    {
        Emulator.Script(EmulatorResponse.Abort());

        var result = await RunAsync("Escalate", Conversation("lp_web"));

        Assert.Equal(["I am still trying to reach an agent for you. Please stay with me a moment."], result.Messages);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_401_from_the_webhook_gets_the_fallback_text(bool transformOnFailure)
    {
        var result = await RunAsync("Escalate", Conversation("lp_web"), secret: "wrong", transformOnFailure: transformOnFailure);

        Assert.Equal("401", result.Status);
        Assert.Equal([Fallback], result.Messages);
        Assert.Empty(Emulator.Requests);
    }

    [Fact]
    public async Task A_401_the_integration_counts_as_answered_still_gets_the_fallback_text_and_a_debug_line()
    {
        var result = await RunAsync("Escalate", Conversation("lp_web"), secret: "wrong", anyStatusSucceeds: true);

        Assert.Equal("401", result.Status);
        Assert.Equal([Fallback], result.Messages);
        Assert.Contains(result.Debug, line => line.StartsWith("Escalate: not an answer of the webhook: ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Escalate")]
    [InlineData("TransferFailed")]
    public async Task An_unwrapped_answer_is_read_as_the_answer(string integration)
    {
        var conversation = Conversation("web");
        var variables = integration == "TransferFailed" ? (await RunAsync("Escalate", conversation)).Variables : null;

        var result = await RunAsync(integration, conversation, variables: variables, unwrapped: true);

        Assert.Equal("200", result.Status);
        Assert.NotEmpty(result.Messages);
        Assert.DoesNotContain(Fallback, result.Messages);
        Assert.Empty(result.Debug);
    }

    [Fact]
    public async Task A_placeholder_left_unfilled_is_refused_with_400_and_the_user_gets_the_fallback_text()
    {
        var result = await RunAsync("Escalate", Conversation("lp_web") with { ConversationId = null });

        Assert.Equal("400", result.Status);
        Assert.Equal([Fallback], result.Messages);
        Assert.Empty(Emulator.Requests);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_webhook_that_answers_500_gets_the_fallback_text(bool transformOnFailure)
    {
        await using var broken = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 500;
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("oops!");
        });

        var result = await RunAsync("Escalate", Conversation("lp_web"), url: new Uri(broken.BaseAddress, "escalations").ToString(), transformOnFailure: transformOnFailure);

        Assert.Equal("500", result.Status);
        Assert.Equal([Fallback], result.Messages);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_webhook_that_is_down_gets_the_fallback_text_not_a_script_error(bool transformOnFailure)
    {
        var closed = $"http://127.0.0.1:{LoopbackServer.UnusedPort()}/escalations";

        var result = await RunAsync("Escalate", Conversation("lp_web"), url: closed, transformOnFailure: transformOnFailure);

        Assert.Equal(string.Empty, result.Status);
        Assert.Equal([Fallback], result.Messages);
    }

    [Fact]
    public async Task A_transfer_failure_report_falls_back_and_then_gives_up_with_the_give_up_text()
    {
        var conversation = Conversation("lp_web");
        var first = await RunAsync("Escalate", conversation);
        var fallback = await RunAsync("TransferFailed", conversation, variables: first.Variables);
        Assert.Empty(fallback.Messages);
        Assert.NotEqual(first.Variables["escalationId"], fallback.Variables["escalationId"]);
        Assert.Equal("100200300", Emulator.Escalations[1].AgentSkillId); // general, billing's fallback

        var gaveUp = await RunAsync("TransferFailed", conversation, variables: fallback.Variables);

        Assert.Equal([Settings.GiveUpMessage], gaveUp.Messages);
        Assert.Equal(2, Emulator.Escalations.Count);
    }

    [Fact]
    public async Task Off_shift_the_user_is_told_when_agents_are_back_and_nothing_is_sent()
    {
        await using var accountApis = await AccountApiEmulator.StartAsync();
        accountApis.SetShift("123456", onShift: false, nextOn: DateTimeOffset.UtcNow.AddHours(2));
        await using var withAvailability = await WebhookHost.StartAsync(Emulator, accountApis: accountApis);

        var result = await RunAsync("Escalate", Conversation("lp_web"), url: new Uri(withAvailability.Http.BaseAddress!, "/escalations").ToString());

        Assert.Single(result.Messages);
        Assert.StartsWith("Our agents are away right now; they are back ", result.Messages[0], StringComparison.Ordinal); // from opensAt
        Assert.Empty(Emulator.Requests);
    }

    [Fact]
    public async Task A_long_wait_shows_the_user_the_wait_and_the_call_the_user_confirms_sends()
    {
        await using var accountApis = await AccountApiEmulator.StartAsync();
        accountApis.SetAgents("123456", online: 1);
        accountApis.SetQueueHealth("123456", TimeSpan.FromMinutes(25));
        await using var withWait = await WebhookHost.StartAsync(
            Emulator,
            new()
            {
                ["LivePerson:Escalation:Availability:QueueHealth:Enabled"] = "true",
                ["LivePerson:Escalation:Availability:QueueHealth:AskUserAbove"] = "00:15:00",
            },
            accountApis: accountApis);
        await AvailabilityWebhookTests.WaitForQueueHealthAsync(withWait, "123456");
        var url = new Uri(withWait.Http.BaseAddress!, "/escalations").ToString();
        var conversation = Conversation("lp_web");

        var asked = await RunAsync("Escalate", conversation, url: url);
        var variables = new Dictionary<string, string?>(asked.Variables) { ["acceptWait"] = "true" }; // the user chose to wait
        var confirmed = await RunAsync("Escalate", conversation, url: url, variables: variables);

        Assert.Equal(["The current wait for an agent is about 25 minute(s). Would you like to wait, or leave a message?"], asked.Messages);
        Assert.Equal("true", asked.Variables["longWait"]);
        Assert.Empty(confirmed.Messages); // on messaging the transfer message rides in the escalation, with the wait
        Assert.Equal("Hold on while I transfer you to an agent. The current wait is about 25 minute(s).", Assert.Single(Emulator.Escalations).Message);
    }

    private static ConversationState Conversation(string channel) => new("conv-" + Guid.NewGuid().ToString("N")[..8], "user-1", "bot-1", channel, "billing_question");

    private async Task<ScriptResult> RunAsync(string integration, ConversationState conversation, string? url = null, string secret = WebhookHost.Secret, Dictionary<string, string?>? variables = null, bool transformOnFailure = false, bool anyStatusSucceeds = false, bool unwrapped = false)
    {
        var scripts = Scripts.Value;
        var (preProcess, transform, postProcess, body) = integration == "Escalate"
            ? (scripts.Javascript[0], scripts.Javascript[1], scripts.Javascript[2], scripts.Json[0])
            : (scripts.Javascript[3], scripts.Javascript[4], scripts.Javascript[5], scripts.Json[1]);
        var scenario = new JsonObject
        {
            ["name"] = integration,
            ["url"] = url ?? new Uri(Host.Http.BaseAddress!, integration == "Escalate" ? "/escalations" : "/transfer-failures").ToString(),
            ["headers"] = new JsonObject { ["X-Webhook-Secret"] = secret },
            ["preProcess"] = preProcess,
            ["transform"] = transform,
            ["postProcess"] = postProcess,
            ["body"] = body,
            ["transformOnFailure"] = transformOnFailure,
            ["anyStatusSucceeds"] = anyStatusSucceeds,
            ["unwrapped"] = unwrapped,
            ["timeoutMs"] = 20000,
            ["conversation"] = JsonSerializer.SerializeToNode(conversation, JsonSerializerOptions.Web),
            ["variables"] = variables is null ? new JsonObject() : JsonSerializer.SerializeToNode(variables.Where(v => v.Key is not ("escalationAnswered" or "reportAnswered")).ToDictionary()),
        };

        var start = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ConversationBuilder", "cb-runtime.js"));
        Process node;
        try
        {
            node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("These tests run the README's scripts in node: install it (apt-get install nodejs; .ci/run does).", ex);
        }

        using var started = node;
        await node.StandardInput.WriteAsync(scenario.ToJsonString());
        node.StandardInput.Close();
        var output = node.StandardOutput.ReadToEndAsync();
        var error = node.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await node.WaitForExitAsync(bound.Token);
        Assert.True(node.ExitCode == 0, $"the scripts failed in node (exit {node.ExitCode}): {await error}");
        var printed = JsonNode.Parse(await output)!;
        return new ScriptResult(
            [.. printed["messages"]!.AsArray().Select(m => m!.GetValue<string>())],
            printed["variables"]!.AsObject().ToDictionary(v => v.Key, v => v.Value?.GetValue<string>()),
            printed["status"]!.GetValue<string>(),
            [.. printed["debug"]!.AsArray().Select(m => m!.GetValue<string>())]);
    }
}
