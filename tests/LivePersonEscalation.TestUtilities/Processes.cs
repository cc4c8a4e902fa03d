using System.Diagnostics;

namespace LivePersonEscalation.TestUtilities;

/// <summary>Runs a program of the test's output folder (the console sample, the race worker) as a process of its own.</summary>
public static class Processes
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    public static Process Start(string assembly, IEnumerable<string> args, bool redirectInput = false, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assembly + ".dll"));
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The sample reads its configuration from the environment too: keep the test's own out of it.
        start.Environment.Remove("LivePerson__Escalation__Endpoint");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return Process.Start(start)!;
    }

    /// <summary>Waits (bounded) for <paramref name="process"/> to end, and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> EndAsync(Process process)
    {
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var bound = new CancellationTokenSource(Bound);
            try
            {
                await process.WaitForExitAsync(bound.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"a test process did not end within {Bound}");
            }

            return (process.ExitCode, await output, await error);
        }
    }
}
