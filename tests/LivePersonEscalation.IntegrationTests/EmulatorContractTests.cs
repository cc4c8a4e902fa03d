using System.Net;
using System.Text;
using System.Text.Json;

namespace LivePersonEscalation.IntegrationTests;

public sealed class EmulatorContractTests : EmulatorTest
{
    private const string ValidBody = """{"userPlatformId":"u","chatBotId":"b","message":"m","conversationId":"c","agentSkillName":"","agentSkillId":"1"}""";

    private async Task<HttpResponseMessage> PostAsync(string body, string? key = null, string contentType = "application/json", string? path = null)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path is null ? Emulator.Endpoint : new Uri(Emulator.BaseAddress, path))
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        request.Headers.TryAddWithoutValidation("Authorization", key ?? Emulator.ApiAccessKey);
        return await http.SendAsync(request);
    }

    private static async Task<string> ErrorOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()!;

    [Fact]
    public void Emulator_listens_on_127_0_0_1_on_a_free_port()
    {
        Assert.Equal("127.0.0.1", Emulator.BaseAddress.Host);
        Assert.NotEqual(0, Emulator.BaseAddress.Port);
        Assert.Equal("/botservice-0.1/botcentral/livePersonAgent", Emulator.Endpoint.AbsolutePath);
    }

    [Fact]
    public async Task Two_emulators_run_side_by_side_on_different_ports()
    {
        await using var other = await EscalationEmulator.StartAsync();

        Assert.NotEqual(Emulator.BaseAddress.Port, other.BaseAddress.Port);
    }

    [Fact]
    public async Task Valid_escalation_is_accepted_with_a_request_id_and_recorded()
    {
        using var response = await PostAsync(ValidBody);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("emu-000001", response.Headers.GetValues("X-Request-Id").Single());
        var recorded = Assert.Single(Emulator.Escalations);
        Assert.Equal(("u", "b", "m", "c", "", "1"), (recorded.UserPlatformId, recorded.ChatBotId, recorded.Message, recorded.ConversationId, recorded.AgentSkillName, recorded.AgentSkillId));
    }

    [Theory]
    [InlineData("wrong-key")]
    [InlineData("")]
    public async Task Wrong_or_missing_key_gets_401_and_is_not_recorded(string key)
    {
        using var response = await PostAsync(ValidBody, key: key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(Emulator.Escalations);
        Assert.False(Assert.Single(Emulator.Requests).AuthorizationMatched);
    }

    [Theory]
    [InlineData("""{"chatBotId":"b","message":"m","conversationId":"c","agentSkillName":"","agentSkillId":"1"}""", "missing key 'userPlatformId'")]
    [InlineData("""{"userPlatformId":"u","chatBotId":"b","message":"m","conversationId":"c","agentSkillName":"","agentSkillId":1}""", "'agentSkillId' must be a JSON string")]
    [InlineData("""{"userPlatformId":"u","chatBotId":null,"message":"m","conversationId":"c","agentSkillName":"","agentSkillId":"1"}""", "'chatBotId' must be a JSON string")]
    [InlineData("""{"userPlatformId":"u","chatBotId":"b","message":"m","conversationId":"c","agentSkillName":"","agentSkillId":"abc"}""", "'agentSkillId' must be numeric")]
    [InlineData("""{"userPlatformId":"u","chatBotId":"b","message":"m","conversationId":"c","agentSkillName":"","agentSkillId":"1","agentId":"7"}""", "unexpected key 'agentId'")]
    [InlineData("""{"userPlatformId":"u","chatBotId":"b","message":"","conversationId":"c","agentSkillName":"","agentSkillId":"1"}""", "'message' must not be blank")]
    [InlineData("""[1,2]""", "must be a JSON object")]
    [InlineData("""{"userPlatformId":""", "not valid JSON")]
    public async Task Bad_body_gets_400_with_the_reason(string body, string reason)
    {
        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await ErrorOf(response), StringComparison.Ordinal);
        Assert.Empty(Emulator.Escalations);
    }

    [Fact]
    public async Task Non_json_content_type_gets_415()
    {
        using var response = await PostAsync(ValidBody, contentType: "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Other_paths_get_404_and_other_methods_405()
    {
        using var notFound = await PostAsync(ValidBody, path: "/botservice-0.1/botcentral/other");
        using var http = new HttpClient();
        using var get = await http.GetAsync(Emulator.Endpoint);

        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal(2, Emulator.Requests.Count);
    }

    [Fact]
    public async Task Scripted_responses_apply_one_per_request_in_order_then_requests_are_accepted()
    {
        Emulator.Script(
            EmulatorResponse.Status(HttpStatusCode.ServiceUnavailable).WithRetryAfter(TimeSpan.FromSeconds(2)),
            EmulatorResponse.Status(HttpStatusCode.TooManyRequests).WithRetryAfter(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero)));

        using var first = await PostAsync(ValidBody);
        using var second = await PostAsync(ValidBody);
        using var third = await PostAsync(ValidBody);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), first.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero), second.Headers.RetryAfter!.Date);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Single(Emulator.Escalations);
        Assert.Equal([503, 429, 200], Emulator.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task Scripted_abort_closes_the_connection_without_a_response()
    {
        Emulator.Script(EmulatorResponse.Abort());

        await Assert.ThrowsAsync<HttpRequestException>(() => PostAsync(ValidBody));

        Assert.Null(Assert.Single(Emulator.Requests).StatusCode);
    }

    [Fact]
    public async Task Requests_never_keep_the_authorization_value()
    {
        using var response = await PostAsync(ValidBody);

        var recorded = Assert.Single(Emulator.Requests);
        Assert.DoesNotContain(Emulator.ApiAccessKey, recorded.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Waiting_for_escalations_returns_as_soon_as_they_arrive()
    {
        var waiting = Emulator.WaitForEscalationsAsync(3);
        Assert.False(waiting.IsCompleted);

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => PostAsync(ValidBody)));

        Assert.Equal(3, (await waiting).Count);
    }

    [Fact]
    public async Task Reset_forgets_requests_escalations_and_script()
    {
        Emulator.Script(EmulatorResponse.Status(HttpStatusCode.InternalServerError));
        using (await PostAsync(ValidBody))
        {
        }

        Emulator.Reset();
        using var response = await PostAsync(ValidBody);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(Emulator.Requests);
    }
}
