using System.Threading.Channels;
using LivePersonEscalation.ConsoleSample;

namespace LivePersonEscalation.IntegrationTests;

public sealed class ConsoleEmulatorCommandTests
{
    [Fact]
    public async Task The_emulator_command_prints_its_settings_then_each_accepted_escalation_until_cancelled()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var output = new LineWriter();
        using var error = new StringWriter();
        var run = EscalationCommand.RunAsync(["emulator"], output, error, cancellation.Token);

        var settings = await output.ReadLineAsync(line => line.Contains("LP_ENDPOINT=", StringComparison.Ordinal), cancellation.Token);
        var endpoint = Setting(settings, "LP_ENDPOINT=");
        var key = Setting(settings, "LP_KEY=");
        var client = new EscalationClient(new EscalationOptions { Endpoint = new Uri(endpoint), ApiAccessKey = key });
        await client.EscalateAsync(new EscalationRequest
        {
            UserPlatformId = "u",
            ChatBotId = "b",
            ConversationId = "conversation-7",
            AgentSkillId = "123",
            Message = "Hold on",
        }, cancellation.Token);
        var accepted = await output.ReadLineAsync(line => line.StartsWith("accepted", StringComparison.Ordinal), cancellation.Token);
        await cancellation.CancelAsync();

        Assert.Equal("accepted emu-000001: conversation conversation-7, skill id 123, message \"Hold on\"", accepted);
        Assert.Equal(ExitCode.Stopped, await run);
        Assert.Equal(string.Empty, error.ToString());
    }

    [Fact]
    public async Task The_emulator_command_refuses_a_port_that_is_no_port_with_exit_2()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await EscalationCommand.RunAsync(["emulator", "--port", "70000"], output, error);

        Assert.Equal(ExitCode.InvalidInput, exitCode);
        Assert.Contains("--port '70000' is not a port number", error.ToString(), StringComparison.Ordinal);
    }

    private static string Setting(string line, string name) =>
        line[(line.IndexOf(name, StringComparison.Ordinal) + name.Length)..].Split(' ')[0];

    /// <summary>A console the test reads line by line while the command still runs.</summary>
    private sealed class LineWriter : StringWriter
    {
        private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();

        public override void WriteLine(string? value) => _lines.Writer.TryWrite(value ?? string.Empty);

        public override Task WriteLineAsync(string? value)
        {
            WriteLine(value);
            return Task.CompletedTask;
        }

        public async Task<string> ReadLineAsync(Func<string, bool> match, CancellationToken cancellationToken)
        {
            await foreach (var line in _lines.Reader.ReadAllAsync(cancellationToken))
            {
                if (match(line))
                {
                    return line;
                }
            }

            throw new InvalidOperationException("The command ended without printing the line.");
        }
    }
}
