using System.Net;

namespace LivePersonEscalation.IntegrationTests;

public sealed class ClientAgainstEmulatorTests : EmulatorTest
{
    [Fact]
    public async Task Escalation_over_loopback_reaches_the_emulator_field_for_field()
    {
        var result = await CreateClient().EscalateAsync(Request("conv-loopback"));

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal("emu-000001", result.RequestId);
        Assert.Equal("accepted", result.Json!.Value.GetProperty("status").GetString());
        var recorded = Assert.Single(await Emulator.WaitForEscalationsAsync(1));
        Assert.Equal(("upid-1", "bot-1", "conv-loopback", "Billing", "98765", "Hold on while I transfer you to an agent."),
            (recorded.UserPlatformId, recorded.ChatBotId, recorded.ConversationId, recorded.AgentSkillName, recorded.AgentSkillId, recorded.Message));
    }

    [Fact]
    public async Task Endpoint_override_given_as_a_bare_host_uses_the_documented_path()
    {
        await CreateClient(o => o.Endpoint = Emulator.BaseAddress).EscalateAsync(Request());

        Assert.Equal("/botservice-0.1/botcentral/livePersonAgent", Assert.Single(Emulator.Requests).Path);
    }

    [Fact]
    public async Task Endpoint_override_wins_over_any_region()
    {
        foreach (var region in Enum.GetValues<LivePersonRegion>())
        {
            await CreateClient(o => o.Region = region).EscalateAsync(Request(region.ToString()));
        }

        Assert.Equal(4, Emulator.Escalations.Count);
    }

    [Fact]
    public async Task Wrong_key_fails_as_unauthorized_after_exactly_one_request()
    {
        var error = await Assert.ThrowsAsync<EscalationException>(() => CreateClient(o => o.ApiAccessKey = "not-the-key").EscalateAsync(Request()));

        Assert.Equal(EscalationFailureKind.Unauthorized, error.Kind);
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Single(Emulator.Requests);
        Assert.Empty(Emulator.Escalations);
        Assert.DoesNotContain("not-the-key", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, EscalationFailureKind.ServerError)]
    [InlineData(HttpStatusCode.BadGateway, EscalationFailureKind.ServerError)]
    [InlineData(HttpStatusCode.NotFound, EscalationFailureKind.EndpointNotFound)]
    [InlineData(HttpStatusCode.BadRequest, EscalationFailureKind.Rejected)]
    public async Task Scripted_error_status_surfaces_as_its_kind_after_exactly_one_request(HttpStatusCode status, EscalationFailureKind kind)
    {
        Emulator.Script(EmulatorResponse.Status(status));

        var error = await Assert.ThrowsAsync<EscalationException>(() => CreateClient().EscalateAsync(Request()));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(status, error.StatusCode);
        Assert.StartsWith("emu-", error.RequestId, StringComparison.Ordinal);
        Assert.Single(Emulator.Requests);
    }

    [Fact]
    public async Task Connection_aborted_before_a_response_is_an_unknown_outcome_after_exactly_one_request()
    {
        Emulator.Script(EmulatorResponse.Abort());

        var error = await Assert.ThrowsAsync<EscalationException>(() => CreateClient().EscalateAsync(Request()));

        Assert.Equal(EscalationFailureKind.ConnectionLost, error.Kind);
        Assert.Equal(EscalationOutcome.Unknown, error.Outcome);
        Assert.Single(Emulator.Requests);
    }

    [Fact]
    public async Task Nothing_listening_is_a_connection_failure_and_nothing_was_sent()
    {
        var port = LoopbackServer.UnusedPort();
        var client = new EscalationClient(new HttpClient(), new EscalationOptions
        {
            Endpoint = new Uri($"http://127.0.0.1:{port}/"),
            ApiAccessKey = "k",
            Retry = { MaxAttempts = 1 },
        });

        var error = await Assert.ThrowsAsync<EscalationException>(() => client.EscalateAsync(Request()));

        Assert.Equal(EscalationFailureKind.ConnectionFailed, error.Kind);
        Assert.NotEqual(EscalationOutcome.Unknown, error.Outcome);
        Assert.Contains("Could not connect", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_escalations_are_all_recorded_once()
    {
        var client = CreateClient();

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => client.EscalateAsync(Request($"conv-{i}"))));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var recorded = await Emulator.WaitForEscalationsAsync(50);
        Assert.Equal(50, recorded.Select(r => r.ConversationId).Distinct().Count());
        Assert.Equal(50, Emulator.Requests.Count);
    }
}
