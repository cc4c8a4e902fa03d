using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
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
        await client.EscalateAsync(TestRequests.For("conversation-7", skillId: "123"), cancellation.Token);
        var accepted = await output.ReadLineAsync(line => line.StartsWith("accepted", StringComparison.Ordinal), cancellation.Token);
        await cancellation.CancelAsync();

        Assert.Equal($"accepted emu-000001: conversation conversation-7, skill id 123, message \"{TestRequests.Message}\"", accepted);
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

    [Fact]
    public async Task The_emulator_command_on_a_busy_port_exits_2_naming_the_port()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await EscalationCommand.RunAsync(["emulator", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], output, error);

        Assert.Equal(ExitCode.InvalidInput, exitCode);
        Assert.Contains($"port {port} on 127.0.0.1 is already in use", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_emulator_process_stopped_by_SIGTERM_exits_0_at_once()
    {
        var process = Processes.Start("LivePersonEscalation.Console", ["emulator"]);
        var started = await ReadUntilAsync(process.StandardOutput, "Ctrl+C stops it", TimeSpan.FromSeconds(60));

        var stopwatch = Stopwatch.StartNew();
        using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var (exitCode, rest, _) = await Processes.EndAsync(process);
        var stopped = stopwatch.Elapsed;

        Assert.True(started, "the emulator never said it was running");
        Assert.Equal(0, exitCode);
        Assert.Contains("Stopped after 0 escalation(s).", rest, StringComparison.Ordinal);
        Assert.True(stopped < TimeSpan.FromSeconds(10), $"the emulator took {stopped} to stop on SIGTERM");
    }

    private static async Task<bool> ReadUntilAsync(StreamReader reader, string text, TimeSpan bound)
    {
        using var timeout = new CancellationTokenSource(bound);
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Setting(string line, string name) =>
        line[(line.IndexOf(name, StringComparison.Ordinal) + name.Length)..].Split(' ')[0];
}
