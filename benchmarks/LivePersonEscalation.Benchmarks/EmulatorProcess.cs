using System.Diagnostics;
using LivePersonEscalation.Testing;

namespace LivePersonEscalation.Benchmarks;

/// <summary>
/// The emulator in a process of its own, so the load test measures the client alone: the server's work, garbage
/// collections and thread pool do not share a process with the client being measured (they still share the cores).
/// The child (this program with <c>serve</c>) prints its endpoint, then obeys lines on standard input:
/// <c>reset</c> forgets what it recorded and answers <c>ok</c>; end of input stops it.
/// </summary>
internal sealed class EmulatorProcess : EmulatorHost
{
    private const string ListeningPrefix = "listening ";
    // How long the child may take to start, to answer a reset, or to stop.
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;

    private EmulatorProcess(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public override Uri Endpoint { get; }

    /// <summary>Starts this program in <c>serve</c> mode and waits (at most 30 s) for its endpoint.</summary>
    public static async Task<EmulatorProcess> StartAsync(string apiAccessKey)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };

        // Under `dotnet LivePersonEscalation.Benchmarks.dll` the process is dotnet itself: pass the assembly again.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(EmulatorProcess).Assembly.Location);
        }

        start.ArgumentList.Add("serve");

        // The key goes over standard input, not the command line, where every process could read it.
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the emulator process.");
        await process.StandardInput.WriteLineAsync(apiAccessKey);
        await process.StandardInput.FlushAsync();

        using var timeout = new CancellationTokenSource(AnswerTimeout);
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null || !line.StartsWith(ListeningPrefix, StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException($"The emulator process did not start: it printed '{line}'.");
        }

        return new EmulatorProcess(process, new Uri(line[ListeningPrefix.Length..]));
    }

    public override async Task ResetAsync()
    {
        await _process.StandardInput.WriteLineAsync("reset");
        await _process.StandardInput.FlushAsync();
        using var timeout = new CancellationTokenSource(AnswerTimeout);
        var answer = await _process.StandardOutput.ReadLineAsync(timeout.Token);
        if (answer != "ok")
        {
            throw new InvalidOperationException($"The emulator process answered '{answer}' to reset.");
        }
    }

    public override async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(AnswerTimeout);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    /// <summary>The child's side: runs the emulator until standard input ends.</summary>
    public static async Task<int> ServeAsync()
    {
        var apiAccessKey = await Console.In.ReadLineAsync();
        if (string.IsNullOrWhiteSpace(apiAccessKey))
        {
            await Console.Error.WriteLineAsync("serve: expected the API access key on the first line of standard input.");
            return 2;
        }

        await using var emulator = await EscalationEmulator.StartAsync(new EscalationEmulatorOptions { ApiAccessKey = apiAccessKey });
        Console.WriteLine(ListeningPrefix + emulator.Endpoint);
        while (await Console.In.ReadLineAsync() is { } command)
        {
            if (command == "reset")
            {
                emulator.Reset();
                Console.WriteLine("ok");
            }
        }

        return 0;
    }
}
