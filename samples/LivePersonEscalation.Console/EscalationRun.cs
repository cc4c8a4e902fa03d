using LivePersonEscalation.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LivePersonEscalation.ConsoleSample;

/// <summary>
/// One run of the sample: picks the target (the embedded emulator unless an endpoint or region is given), wires the
/// library through dependency injection, hands a conversation over through an in-memory bot context, and reports.
/// </summary>
internal sealed class EscalationRun(TextWriter output, TextWriter error)
{
    private const string DemoSkillId = "123456";

    public async Task<int> RunAsync(SampleInput input, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build()
            .GetSection(EscalationOptions.SectionName);

        var useEmulator = input.Endpoint is null && input.Region is null
            && configuration["Endpoint"] is null && configuration["Region"] is null;

        EscalationEmulator? emulator = null;
        try
        {
            if (useEmulator)
            {
                emulator = await EscalationEmulator.StartAsync(
                    new EscalationEmulatorOptions { ApiAccessKey = input.ApiKey ?? EscalationEmulatorOptions.DefaultApiAccessKey },
                    cancellationToken);
                input = WithDemoDefaults(input, emulator);
                await output.WriteLineAsync($"Target: the embedded local emulator at {emulator.Endpoint} (no LivePerson account needed).");
            }
            else if (MissingFlags(input, configuration) is { Count: > 0 } missing)
            {
                await error.WriteLineAsync($"error: escalating to a real endpoint or region also needs {string.Join(", ", missing)}.");
                return ExitCode.InvalidInput;
            }

            return await EscalateAsync(input, configuration, emulator, cancellationToken);
        }
        finally
        {
            if (emulator is not null)
            {
                await emulator.DisposeAsync();
            }
        }
    }

    private async Task<int> EscalateAsync(SampleInput input, IConfiguration configuration, EscalationEmulator? emulator, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        var escalation = services.AddLivePersonEscalation(configuration);
        if (input.Redis is { } redis)
        {
            // Instances sharing this Redis escalate each conversation once between them.
            escalation.AddRedisDuplicateGuard(redis);
        }

        escalation.AddHttpMessageHandler(() => new WireLogHandler(output));

        services.Configure<EscalationOptions>(options => ApplyFlags(options, input)); // flags win over configuration
        await using var provider = services.BuildServiceProvider();

        AgentHandoff handoff;
        try
        {
            handoff = provider.GetRequiredService<AgentHandoff>();
            var settings = provider.GetRequiredService<IOptions<EscalationOptions>>().Value;
            if (emulator is null)
            {
                await output.WriteLineAsync($"Target: {settings.Endpoint?.ToString() ?? $"region {settings.Region}"} ({settings}).");
            }
        }
        catch (OptionsValidationException ex)
        {
            await error.WriteLineAsync($"error: invalid configuration: {string.Join(" ", ex.Failures)}");
            return ExitCode.InvalidInput;
        }

        var context = new InMemoryBotContext(input.Channel)
        {
            ConversationId = input.ConversationId!,
            UserPlatformId = input.UserPlatformId!,
            ChatBotId = input.ChatBotId!,
            OnMessageSent = message => output.WriteLine($"   → to user: {message}"),
            OnVariableSet = write => output.WriteLine(
                $"   bot variable '{write.Name}' set (persistForSession: {write.PersistForSession}, persistForever: {write.PersistForever}); the escalation body carries the message"),
        };

        await output.WriteLineAsync();
        await output.WriteLineAsync($"1. Transfer message on channel '{context.Channel}'{(context.Channel.IsPreview ? " (the Conversation Builder preview: the bot sends it itself)" : string.Empty)}");

        AgentHandoffResult result;
        try
        {
            var request = new AgentHandoffRequest { TransferMessage = input.Message, AgentSkillId = input.SkillId, AgentSkillName = input.SkillName };
            result = await handoff.HandOffAsync(context, request, cancellationToken);
        }
        catch (ArgumentException ex)
        {
            // The console names fields itself; the parameter suffix would only add noise.
            await error.WriteLineAsync($"error: {ex.Message.Replace($" (Parameter '{ex.ParamName}')", string.Empty, StringComparison.Ordinal)}");
            return ExitCode.InvalidInput;
        }

        return await ReportAsync(result, emulator);
    }

    private async Task<int> ReportAsync(AgentHandoffResult result, EscalationEmulator? emulator)
    {
        await output.WriteLineAsync();
        if (result.Failure is { } failure)
        {
            await error.WriteLineAsync($"error: {failure.Message}");
            await error.WriteLineAsync($"   kind: {failure.Kind}; outcome unknown: {(failure.Outcome == EscalationOutcome.Unknown)}; attempts: {failure.Attempts}; user already told: {result.UserAlreadyTold}");
            return ExitCode.Failed;
        }

        var accepted = result.EnsureAccepted();
        await output.WriteLineAsync($"3. {accepted}");
        if (accepted.Body.Length > 0)
        {
            await output.WriteLineAsync($"   {accepted.Body}");
        }

        await output.WriteLineAsync("   LivePerson completes the transfer asynchronously; a later failure reaches the bot as the message " + TransferFailureReport.EscalationFailedSignal + ".");
        if (emulator is not null)
        {
            var recorded = emulator.Escalations;
            await output.WriteLineAsync();
            await output.WriteLineAsync($"Emulator record: {recorded.Count} escalation(s) accepted, {emulator.Requests.Count} request(s) received.");
            foreach (var escalation in recorded)
            {
                await output.WriteLineAsync($"   conversation {escalation.ConversationId} → skill {escalation.AgentSkillId}, message \"{escalation.Message}\" (request id {escalation.RequestId})");
            }

            await output.WriteLineAsync();
            await output.WriteLineAsync("This run used the local emulator. To escalate for real, give a region and your key, e.g.:");
            await output.WriteLineAsync("   dotnet run --project samples/LivePersonEscalation.Console -- --region eu --api-key <key> --skill-id <id> --conversation-id <id> --user-platform-id <id> --chatbot-id <id>");
        }

        return ExitCode.Escalated;
    }

    private static void ApplyFlags(EscalationOptions options, SampleInput input)
    {
        if (input.Endpoint is not null)
        {
            options.Endpoint = input.Endpoint;
        }

        if (input.Region is { } region)
        {
            options.Region = region;
        }

        if (input.ApiKey is not null)
        {
            options.ApiAccessKey = input.ApiKey;
        }

        if (input.Timeout is { } timeout)
        {
            options.Timeout = timeout;
        }
    }

    private static SampleInput WithDemoDefaults(SampleInput input, EscalationEmulator emulator) => input with
    {
        Endpoint = emulator.Endpoint,
        ApiKey = emulator.ApiAccessKey,
        SkillId = input.SkillId ?? (input.SkillName is null ? DemoSkillId : null),
        ConversationId = input.ConversationId ?? "demo-conversation-0001",
        UserPlatformId = input.UserPlatformId ?? "demo-user-platform-id",
        ChatBotId = input.ChatBotId ?? "demo-chatbot-id",
    };

    /// <summary>Every flag a real escalation still lacks, the key first: all of them at once, before anything runs.</summary>
    private static List<string> MissingFlags(SampleInput input, IConfiguration configuration)
    {
        var missing = new List<string>();
        if (input.ApiKey is null && string.IsNullOrWhiteSpace(configuration["ApiAccessKey"]))
        {
            missing.Add("--api-key (or LivePerson__Escalation__ApiAccessKey)");
        }

        if (input.ConversationId is null)
        {
            missing.Add("--conversation-id");
        }

        if (input.UserPlatformId is null)
        {
            missing.Add("--user-platform-id");
        }

        if (input.ChatBotId is null)
        {
            missing.Add("--chatbot-id");
        }

        if (input.SkillId is null && input.SkillName is null)
        {
            missing.Add("--skill-id (or --skill-name)");
        }

        return missing;
    }
}
