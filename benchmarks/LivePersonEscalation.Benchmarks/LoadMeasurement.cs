using System.Diagnostics;
using System.Globalization;

namespace LivePersonEscalation.Benchmarks;

/// <summary>How the load modes measure: rounds of N escalations at a concurrency, latency percentiles, medians.</summary>
internal static class LoadMeasurement
{
    public static async Task<LoadRound> MeasureAsync(Func<Task> escalate, int concurrency, int count)
    {
        var latencies = new double[count];
        var next = -1;
        var cpu = Environment.CpuUsage.TotalTime;
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var started = Stopwatch.GetTimestamp();
                await escalate();
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        });
        await Task.WhenAll(workers);
        var elapsed = stopwatch.Elapsed;
        Array.Sort(latencies);
        return new LoadRound(
            count / elapsed.TotalSeconds,
            (Environment.CpuUsage.TotalTime - cpu).TotalMicroseconds / count,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99));
    }

    /// <summary>
    /// Runs <paramref name="pair"/> (a round of each side) until the JIT has settled: until a pair compiles fewer than
    /// ten methods, at most 30 pairs. Tiered compilation goes on for several seconds after start (a first round at
    /// 64 concurrency once compiled 1,002 methods in 801 ms), and the library, not precompiled like the framework,
    /// would otherwise pay for it in the first measured rounds.
    /// </summary>
    public static async Task WarmUpAsync(Func<Task> pair)
    {
        var stopwatch = Stopwatch.StartNew();
        for (var pairs = 1; pairs <= 30; pairs++)
        {
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            await pair();
            if (System.Runtime.JitInfo.GetCompiledMethodCount() - compiled < 10)
            {
                Console.WriteLine($"Warmed up in {pairs} pairs of rounds ({stopwatch.Elapsed.TotalSeconds:0.0} s), until a pair compiled fewer than ten methods.");
                Console.WriteLine();
                return;
            }
        }

        Console.WriteLine("The JIT had not settled after 30 pairs of warm-up rounds: the first rounds may still pay for it.");
        Console.WriteLine();
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static double Median(IEnumerable<LoadRound> rounds, Func<LoadRound, double> figure) => Median(rounds.Select(figure));

    public static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
    }
}

/// <summary>One round of one side: escalations per second, client CPU per escalation, latency percentiles in ms.</summary>
internal sealed record LoadRound(double Throughput, double CpuMicroseconds, double P50, double P99);
