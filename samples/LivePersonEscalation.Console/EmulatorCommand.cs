using System.CommandLine;
using System.Globalization;
using LivePersonEscalation.Testing;

namespace LivePersonEscalation.ConsoleSample;

/// <summary>
/// The <c>emulator</c> command: a local LivePerson escalation endpoint to point any program at before it meets a
/// real account (the README's programs included). It prints the settings to use, then each escalation it
/// accepts, until Ctrl+C or SIGTERM (exit 0). A port in use exits 2, naming it.
/// </summary>
internal static class EmulatorCommand
{
    private static readonly Option<string> Port = new("--port") { Description = "Port on 127.0.0.1 (default: a free one)." };

    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("emulator", "Runs a local emulator of the LivePerson escalation endpoint until Ctrl+C, printing each escalation it accepts.") { Port };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!TryParsePort(parse.GetValue(Port), out var port))
            {
                await error.WriteLineAsync($"error: --port '{parse.GetValue(Port)}' is not a port number; use 1 to 65535, e.g. --port 5080.");
                return ExitCode.InvalidInput;
            }

            return await ServeAsync(port, output, error, cancellationToken);
        });
        return command;
    }

    private static async Task<int> ServeAsync(int port, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        EscalationEmulator emulator;
        try
        {
            emulator = await EscalationEmulator.StartAsync(new EscalationEmulatorOptions { Port = port }, cancellationToken);
        }
        catch (IOException ex) when (IsAddressInUse(ex))
        {
            await error.WriteLineAsync($"error: port {port} on 127.0.0.1 is already in use. Stop what listens there, pick another with --port, or leave --port out for a free one.");
            return ExitCode.InvalidInput;
        }

        await using var running = emulator;

        // The emulator's key is its own fixed test key, not a LivePerson secret: programs need it to reach it.
        await output.WriteLineAsync($"LivePerson escalation emulator at {emulator.Endpoint}. Point a program at it:");
        await output.WriteLineAsync($"  a host (configuration):  LivePerson__Escalation__Endpoint={emulator.Endpoint} LivePerson__Escalation__ApiAccessKey={emulator.ApiAccessKey}");
        await output.WriteLineAsync($"  the README's console programs:  LP_ENDPOINT={emulator.Endpoint} LP_KEY={emulator.ApiAccessKey}");
        await output.WriteLineAsync("Each escalation it accepts is printed below; Ctrl+C stops it.");
        try
        {
            for (var seen = 0; ; seen++)
            {
                var escalation = (await emulator.WaitForEscalationsAsync(seen + 1, Timeout.InfiniteTimeSpan, cancellationToken))[seen];
                var skill = escalation.AgentSkillId.Length > 0 ? $"skill id {escalation.AgentSkillId}" : $"skill name '{escalation.AgentSkillName}'";
                await output.WriteLineAsync($"accepted {escalation.RequestId}: conversation {escalation.ConversationId}, {skill}, message \"{escalation.Message}\"");
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await output.WriteLineAsync($"Stopped after {emulator.Escalations.Count} escalation(s).");
            return ExitCode.Stopped;
        }
    }

    private static bool IsAddressInUse(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse })
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryParsePort(string? value, out int port)
    {
        port = 0;
        return value is null
            || (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 1 and <= 65535);
    }
}
