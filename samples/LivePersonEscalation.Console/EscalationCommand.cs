using System.CommandLine;
using System.Globalization;

namespace LivePersonEscalation.ConsoleSample;

/// <summary>The command line: flags, parsing into a <see cref="SampleInput"/>, and exit codes for bad input.</summary>
internal static class EscalationCommand
{
    private static readonly Option<string> Endpoint = new("--endpoint") { Description = "Escalation endpoint URL (overrides --region); https, or http on loopback." };
    private static readonly Option<string> Region = new("--region") { Description = "LivePerson region: Us, Eu, Apac or UsAutomation (any casing), spelled as in configuration." };
    private static readonly Option<string> ApiKey = new("--api-key") { Description = "Conversation Builder API access key (or LivePerson__Escalation__ApiAccessKey)." };
    private static readonly Option<string> SkillId = new("--skill-id") { Description = "Numeric LivePerson skill id to transfer to." };
    private static readonly Option<string> SkillName = new("--skill-name") { Description = "Skill display name (resolved through LivePerson:Escalation:Skills when --skill-id is absent)." };
    private static readonly Option<string> ConversationId = new("--conversation-id") { Description = "LivePerson conversation id." };
    private static readonly Option<string> UserPlatformId = new("--user-platform-id") { Description = "User platform id ({$chatBotUserPlatformId})." };
    private static readonly Option<string> ChatBotId = new("--chatbot-id") { Description = "Bot id ({$chatBotId})." };
    private static readonly Option<string> Message = new("--message") { Description = "Transfer message shown to the user before the transfer." };
    private static readonly Option<string> Channel = new("--channel") { Description = "Conversation channel (lp_web by default; web = Conversation Builder preview)." };
    private static readonly Option<string> TimeoutSeconds = new("--timeout") { Description = "Per-attempt timeout in seconds (1 to 300)." };
    private static readonly Option<string> Redis = new("--redis") { Description = "Guard against duplicates on this Redis (host:port or a StackExchange.Redis configuration string), shared with other instances." };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand(
            "Hands a LivePerson Conversation Builder conversation over to an agent. With no endpoint or region it runs against an embedded local emulator.\n" +
            "Exit codes: 0 escalation accepted (or answered from one moments ago); 1 escalation failed (LivePerson refused it, or the transport failed); 2 invalid input or configuration (nothing was sent).")
        {
            Endpoint, Region, ApiKey, SkillId, SkillName, ConversationId, UserPlatformId, ChatBotId, Message, Channel, TimeoutSeconds, Redis,
        };
        root.SetAction((parse, token) => EscalateAsync(parse, output, error, token));
        root.Subcommands.Add(EmulatorCommand.Create(output, error));
        root.Subcommands.Add(AvailabilityCommand.Create(output, error));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                await error.WriteLineAsync($"error: {parseError.Message}");
            }

            return ExitCode.InvalidInput;
        }

        // The escalation, --help, --version or the emulator command. Ctrl+C is the caller's token (Program.cs), and
        // an exception is the caller's to see.
        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        return await parse.InvokeAsync(invocation, cancellationToken);
    }

    private static async Task<int> EscalateAsync(ParseResult parse, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        SampleInput input;
        try
        {
            input = ToInput(parse);
        }
        catch (FormatException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return ExitCode.InvalidInput;
        }

        return await new EscalationRun(output, error).RunAsync(input, cancellationToken);
    }

    private static SampleInput ToInput(ParseResult parse)
    {
        var input = new SampleInput
        {
            Endpoint = ParseEndpoint(parse.GetValue(Endpoint)),
            Region = ParseRegion(parse.GetValue(Region)),
            ApiKey = parse.GetValue(ApiKey),
            SkillId = parse.GetValue(SkillId),
            SkillName = parse.GetValue(SkillName),
            ConversationId = parse.GetValue(ConversationId),
            UserPlatformId = parse.GetValue(UserPlatformId),
            ChatBotId = parse.GetValue(ChatBotId),
            Timeout = ParseTimeout(parse.GetValue(TimeoutSeconds)),
            Redis = ParseRedis(parse.GetValue(Redis)),
        };

        if (parse.GetValue(Message) is { } message)
        {
            input = input with { Message = message };
        }

        if (parse.GetValue(Channel) is { } channel)
        {
            input = input with { Channel = string.IsNullOrWhiteSpace(channel) ? throw new FormatException("--channel must not be empty; use e.g. lp_web, lp_sms or web.") : channel };
        }

        return input;
    }

    private static Uri? ParseEndpoint(string? value) =>
        value is null ? null
        : Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri
        : throw new FormatException($"--endpoint '{value}' is not an absolute URL; e.g. http://127.0.0.1:5000{LivePersonEscalation.Testing.EscalationEmulator.EscalationPath}.");

    // One spelling everywhere: the names configuration takes (LivePerson:Escalation:Region), in any casing.
    private static LivePersonRegion? ParseRegion(string? value) =>
        value is null ? null
        : Enum.TryParse<LivePersonRegion>(value.Trim(), ignoreCase: true, out var region) && Enum.IsDefined(region) && !char.IsDigit(value.Trim()[0]) ? region
        : throw new FormatException($"--region '{value}' is not a LivePerson region; use one of {string.Join(", ", Enum.GetNames<LivePersonRegion>())} (any casing), as in configuration.");

    private static string? ParseRedis(string? value)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            _ = StackExchange.Redis.ConfigurationOptions.Parse(value);
            return value;
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"--redis is not a Redis address or StackExchange.Redis configuration string ({ex.Message}); e.g. --redis 127.0.0.1:6379.");
        }
    }

    private static TimeSpan? ParseTimeout(string? value) =>
        value is null ? null
        : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds) && Math.Abs(seconds) < 1e6
            ? TimeSpan.FromSeconds(seconds)
            : throw new FormatException($"--timeout '{value}' is not a number of seconds; e.g. --timeout 10.");
}
