using System.Text.Json;

namespace LivePersonEscalation.Tests.Escalation;

public sealed class WireContractTests
{
    private static readonly string[] DocumentedKeys =
        ["userPlatformId", "chatBotId", "message", "conversationId", "agentSkillName", "agentSkillId"];

    private readonly WireRecorder _wire = new();

    [Fact]
    public async Task Escalate_posts_exactly_the_six_documented_keys_all_strings_in_documented_order()
    {
        await _wire.CreateClient().EscalateAsync(TestData.Request());

        var properties = _wire.Sent.Json.EnumerateObject().ToList();
        Assert.Equal(DocumentedKeys, properties.Select(p => p.Name));
        Assert.All(properties, p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
    }

    [Fact]
    public async Task Escalate_sends_each_request_field_in_its_documented_key()
    {
        await _wire.CreateClient().EscalateAsync(TestData.Request());

        var json = _wire.Sent.Json;
        Assert.Equal(TestRequests.UserPlatformId, json.GetProperty("userPlatformId").GetString());
        Assert.Equal(TestRequests.ChatBotId, json.GetProperty("chatBotId").GetString());
        Assert.Equal("Hold on while I transfer you to an agent.", json.GetProperty("message").GetString());
        Assert.Equal("conv-0001", json.GetProperty("conversationId").GetString());
        Assert.Equal("Billing", json.GetProperty("agentSkillName").GetString());
        Assert.Equal("1234567890", json.GetProperty("agentSkillId").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t")]
    public async Task Escalate_without_a_message_sends_the_BLANK_MESSAGE_sentinel(string? message)
    {
        await _wire.CreateClient().EscalateAsync(TestData.Request(r => r with { Message = message }));

        Assert.Equal("BLANK_MESSAGE", _wire.Sent.Json.GetProperty("message").GetString());
        Assert.Equal(EscalationRequest.BlankMessage, _wire.Sent.Json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Escalate_without_a_skill_name_sends_an_empty_string_not_null()
    {
        await _wire.CreateClient().EscalateAsync(TestData.Request(r => r with { AgentSkillName = null }));

        var name = _wire.Sent.Json.GetProperty("agentSkillName");
        Assert.Equal(JsonValueKind.String, name.ValueKind);
        Assert.Equal(string.Empty, name.GetString());
    }

    [Theory]
    [InlineData("She said \"wait\" \\ then left")]
    [InlineData("Line one\nLine two\twith tab\r\nend")]
    [InlineData("Grüße, 你好, مرحبا, 👋🏽")]
    [InlineData("<script>alert('x')</script> & +1")]
    public async Task Escalate_escapes_message_text_so_it_round_trips_exactly(string message)
    {
        await _wire.CreateClient().EscalateAsync(TestData.Request(r => r with { Message = message }));

        Assert.Equal(message, _wire.Sent.Json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Escalate_body_is_compact_utf8_json_with_no_byte_order_mark()
    {
        await _wire.CreateClient().EscalateAsync(TestData.Request(r => r with { Message = "ok" }));

        var body = _wire.Sent.Body;
        Assert.Equal((byte)'{', body[0]);
        Assert.Equal(
            """{"userPlatformId":"upid-1","chatBotId":"bot-1","message":"ok","conversationId":"conv-0001","agentSkillName":"Billing","agentSkillId":"1234567890"}""",
            _wire.Sent.BodyText);
    }

    [Fact]
    public async Task Escalate_sends_the_raw_api_key_as_the_authorization_header_without_a_scheme()
    {
        await _wire.CreateClient().EscalateAsync(TestData.Request());

        Assert.Equal(TestData.ApiKey, _wire.Sent.Headers["Authorization"]);
    }

    [Fact]
    public async Task Escalate_trims_white_space_around_the_configured_api_key()
    {
        await _wire.CreateClient(o => o.ApiAccessKey = "  " + TestData.ApiKey + "\n").EscalateAsync(TestData.Request());

        Assert.Equal(TestData.ApiKey, _wire.Sent.Headers["Authorization"]);
    }

    [Fact]
    public async Task Escalate_sends_json_content_type_with_utf8_charset_and_a_content_length()
    {
        await _wire.CreateClient().EscalateAsync(TestData.Request());

        Assert.Equal("application/json; charset=utf-8", _wire.Sent.ContentType);
        Assert.Equal(_wire.Sent.Body.Length, _wire.Sent.ContentLength);
    }

    [Fact]
    public async Task Escalate_identifies_the_library_in_the_user_agent()
    {
        await _wire.CreateClient().EscalateAsync(TestData.Request());

        Assert.StartsWith("LivePersonEscalation/", _wire.Sent.Headers["User-Agent"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LivePersonRegion.Us, "https://platformservice.botcentralapi.com/botservice-0.1/botcentral/livePersonAgent")]
    [InlineData(LivePersonRegion.Eu, "https://platformservice-eu.botcentralapi.com/botservice-0.1/botcentral/livePersonAgent")]
    [InlineData(LivePersonRegion.Apac, "https://platformservice-ap.botcentralapi.com/botservice-0.1/botcentral/livePersonAgent")]
    [InlineData(LivePersonRegion.UsAutomation, "https://va.bc-bot.liveperson.net/botservice-0.1/botcentral/livePersonAgent")]
    public async Task Escalate_posts_to_the_documented_endpoint_of_the_region(LivePersonRegion region, string expected)
    {
        await _wire.CreateClient(o => o.Region = region).EscalateAsync(TestData.Request());

        Assert.Equal(HttpMethod.Post, _wire.Sent.Method);
        Assert.Equal(new Uri(expected), _wire.Sent.Uri);
        Assert.Equal(new Uri(expected), LivePersonEndpoints.For(region));
    }

    [Fact]
    public async Task Escalate_with_an_explicit_endpoint_ignores_the_region()
    {
        var endpoint = new Uri("https://proxy.example.test/custom/livePersonAgent");

        await _wire.CreateClient(o => { o.Region = LivePersonRegion.Eu; o.Endpoint = endpoint; }).EscalateAsync(TestData.Request());

        Assert.Equal(endpoint, _wire.Sent.Uri);
    }

    [Fact]
    public async Task Escalate_to_an_endpoint_without_a_path_uses_the_documented_path()
    {
        await _wire.CreateClient(o => o.Endpoint = new Uri("http://127.0.0.1:5050")).EscalateAsync(TestData.Request());

        Assert.Equal(new Uri("http://127.0.0.1:5050/botservice-0.1/botcentral/livePersonAgent"), _wire.Sent.Uri);
    }

    [Fact]
    public async Task Escalate_by_skill_name_sends_the_configured_numeric_id()
    {
        var client = _wire.CreateClient(o => o.Skills["billing"] = "555");

        await client.EscalateAsync(TestData.Request(r => r with { AgentSkillId = null, AgentSkillName = "BILLING" }));

        Assert.Equal("555", _wire.Sent.Json.GetProperty("agentSkillId").GetString());
        Assert.Equal("BILLING", _wire.Sent.Json.GetProperty("agentSkillName").GetString());
    }

    [Fact]
    public async Task Escalate_with_a_skill_id_and_the_name_mapped_to_it_sends_both()
    {
        var client = _wire.CreateClient(o => o.Skills["billing"] = "555");

        await client.EscalateAsync(TestData.Request(r => r with { AgentSkillId = "555", AgentSkillName = "billing" }));

        Assert.Equal("555", _wire.Sent.Json.GetProperty("agentSkillId").GetString());
        Assert.Equal("billing", _wire.Sent.Json.GetProperty("agentSkillName").GetString());
    }

    [Fact]
    public async Task Escalate_with_a_skill_id_and_a_display_name_not_in_the_skills_sends_the_explicit_id()
    {
        var client = _wire.CreateClient(o => o.Skills["billing"] = "555");

        await client.EscalateAsync(TestData.Request(r => r with { AgentSkillId = "777", AgentSkillName = "Premium support" }));

        Assert.Equal("777", _wire.Sent.Json.GetProperty("agentSkillId").GetString());
    }
}
