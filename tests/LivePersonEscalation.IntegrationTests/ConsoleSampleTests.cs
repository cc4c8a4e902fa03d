using LivePersonEscalation.ConsoleSample;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LivePersonEscalation.IntegrationTests;

public sealed class ConsoleSampleTests : EmulatorTest
{
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await EscalationCommand.RunAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    private string[] Target(params string[] more) =>
    [
        "--endpoint", Emulator.Endpoint.ToString(), "--api-key", Emulator.ApiAccessKey,
        "--skill-id", "123", "--conversation-id", "c", "--user-platform-id", "u", "--chatbot-id", "b", .. more,
    ];

    [Fact]
    public async Task With_no_arguments_it_escalates_over_http_to_the_embedded_emulator()
    {
        var (exitCode, output, error) = await RunAsync();

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        Assert.Contains("the embedded local emulator at http://127.0.0.1:", output, StringComparison.Ordinal);
        Assert.Contains("Emulator record: 1 escalation(s) accepted, 1 request(s) received.", output, StringComparison.Ordinal);
        Assert.Contains("Authorization: *** (the API access key", output, StringComparison.Ordinal);
        Assert.DoesNotContain(EscalationEmulatorOptions.DefaultApiAccessKey, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Escalates_once_with_the_six_keys_and_exits_0()
    {
        var (exitCode, output, _) = await RunAsync(Target("--message", "Hi", "--channel", "lp_sms"));

        Assert.Equal(0, exitCode);
        var recorded = Assert.Single(Emulator.Escalations);
        Assert.Equal(("u", "b", "Hi", "c", "", "123"), (recorded.UserPlatformId, recorded.ChatBotId, recorded.Message, recorded.ConversationId, recorded.AgentSkillName, recorded.AgentSkillId));
        Assert.Single(Emulator.Requests);
        Assert.DoesNotContain(Emulator.ApiAccessKey, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_the_web_channel_the_user_sees_the_message_and_the_body_carries_BLANK_MESSAGE()
    {
        var (exitCode, output, _) = await RunAsync(Target("--message", "Hold on", "--channel", "web"));

        Assert.Equal(0, exitCode);
        Assert.Contains("→ to user: Hold on", output, StringComparison.Ordinal);
        Assert.Equal("BLANK_MESSAGE", Assert.Single(Emulator.Escalations).Message);
    }

    [Theory]
    [InlineData("lp_sms")]
    [InlineData("fb")]
    [InlineData("lp_web")]
    public async Task On_other_channels_the_body_carries_the_message(string channel)
    {
        var (exitCode, output, _) = await RunAsync(Target("--message", "Hold on", "--channel", channel));

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("→ to user", output, StringComparison.Ordinal);
        Assert.Equal("Hold on", Assert.Single(Emulator.Escalations).Message);
    }

    [Theory]
    [InlineData("--skill-id", "abc", "AgentSkillId")]
    [InlineData("--skill-id", "-5", "AgentSkillId")]
    [InlineData("--conversation-id", " ", "ConversationId")]
    [InlineData("--message", "   ", "transfer message")]
    [InlineData("--timeout", "0", "Timeout")]
    [InlineData("--timeout", "soon", "--timeout")]
    [InlineData("--region", "mars", "--region")]
    [InlineData("--endpoint", "not a url", "--endpoint")]
    [InlineData("--endpoint", "http://example.test/x", "Endpoint")]
    [InlineData("--api-key", "a\u0001b", "ApiAccessKey")]
    [InlineData("--api-key", "key\r\nX-Injected: 1", "ApiAccessKey")]
    [InlineData("--api-key", "", "ApiAccessKey")]
    [InlineData("--endpoint", "ftp://127.0.0.1/x", "Endpoint")]
    [InlineData("--endpoint", "https://user:pw@example.test/x", "Endpoint")]
    [InlineData("--timeout", "301", "Timeout")]
    [InlineData("--channel", " ", "--channel")]
    public async Task Invalid_input_exits_2_naming_the_field_and_sends_nothing(string flag, string value, string named)
    {
        var args = Target().ToList();
        var index = args.IndexOf(flag);
        if (index >= 0)
        {
            args[index + 1] = value;
        }
        else
        {
            args.AddRange([flag, value]);
        }

        var (exitCode, _, error) = await RunAsync([.. args]);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains(named, error.Split('\n')[0], StringComparison.Ordinal);
        Assert.Empty(Emulator.Requests);
    }

    [Theory]
    [InlineData("UsAutomation")]
    [InlineData("usautomation")]
    [InlineData("Eu")]
    public async Task The_cli_takes_a_region_as_configuration_spells_it(string region)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["LivePerson:Escalation:Region"] = region, ["LivePerson:Escalation:ApiAccessKey"] = "k" }).Build();
        var services = new ServiceCollection();
        services.AddLivePersonEscalation(configuration.GetSection(EscalationOptions.SectionName));
        using var provider = services.BuildServiceProvider();
        var configured = provider.GetRequiredService<IOptions<EscalationOptions>>().Value.Region;

        var (exitCode, _, error) = await RunAsync("--region", region);

        Assert.Equal(2, exitCode); // accepted; then the flags a real target needs are missing
        Assert.Contains("also needs --api-key", error, StringComparison.Ordinal);
        Assert.Equal(Enum.Parse<LivePersonRegion>(region, ignoreCase: true), configured);
    }

    [Fact]
    public async Task A_region_spelled_otherwise_is_refused_listing_the_names_configuration_takes()
    {
        var (exitCode, _, error) = await RunAsync("--region", "us-automation");

        Assert.Equal(2, exitCode);
        Assert.Contains("--region 'us-automation' is not a LivePerson region; use one of Us, Eu, Apac, UsAutomation (any casing), as in configuration.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_real_target_without_a_conversation_id_exits_2()
    {
        var (exitCode, _, error) = await RunAsync("--region", "eu", "--api-key", "k", "--skill-id", "1", "--user-platform-id", "u", "--chatbot-id", "b");

        Assert.Equal(2, exitCode);
        Assert.Contains("also needs --conversation-id.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_real_region_without_a_key_names_the_key_first_and_every_missing_flag_at_once()
    {
        var (exitCode, _, error) = await RunAsync("--region", "eu");

        Assert.Equal(2, exitCode);
        Assert.Equal(
            "error: escalating to a real endpoint or region also needs --api-key (or LivePerson__Escalation__ApiAccessKey), --conversation-id, --user-platform-id, --chatbot-id, --skill-id (or --skill-name).",
            error.Trim());
    }

    [Fact]
    public async Task Unknown_flag_exits_2()
    {
        var (exitCode, _, error) = await RunAsync(Target("--colour", "blue"));

        Assert.Equal(2, exitCode);
        Assert.Contains("--colour", error, StringComparison.Ordinal);
        Assert.Empty(Emulator.Requests);
    }

    [Fact]
    public async Task A_refused_key_exits_1_with_the_reason_first_on_stderr()
    {
        var args = Target();
        args[3] = "wrong-key";

        var (exitCode, _, error) = await RunAsync(args);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("error: LivePerson refused the API access key", error, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-key", error, StringComparison.Ordinal);
        Assert.Single(Emulator.Requests);
    }

    [Fact]
    public async Task Help_exits_0_and_lists_the_flags()
    {
        var (exitCode, output, _) = await RunAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("--conversation-id", output, StringComparison.Ordinal);
        Assert.Contains("--redis", output, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 escalation accepted", output, StringComparison.Ordinal);
        Assert.Empty(Emulator.Requests);
    }
}
