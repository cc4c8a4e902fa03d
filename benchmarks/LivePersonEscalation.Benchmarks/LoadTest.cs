using System.Diagnostics;
using System.Globalization;
using LivePersonEscalation.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LivePersonEscalation.Benchmarks;

/// <summary>
/// Loopback load: the library's default client and a raw <see cref="HttpClient"/> posting pre-serialized bytes,
/// each escalating against the emulator on 127.0.0.1, alternating round by round at each concurrency.
/// Options: <c>--escalations N</c> per run (default 10,000; 2,000 at concurrency 1), <c>--rounds R</c> (default 5),
/// <c>--no-guard</c> to turn the duplicate guard off and so measure what it costs.
/// </summary>
internal static class LoadTest
{
    private static readonly int[] Concurrencies = [1, 16, 64];

    public static async Task<int> RunAsync(string[] args)
    {
        var escalations = Option(args, "--escalations", 10_000);
        var rounds = Option(args, "--rounds", 5);
        var guard = !args.Contains("--no-guard");
        var total = Stopwatch.StartNew();

        await using var emulator = await EscalationEmulator.StartAsync();
        var services = new ServiceCollection();
        services.AddLivePersonEscalation(o =>
        {
            o.Endpoint = emulator.Endpoint;
            o.ApiAccessKey = emulator.ApiAccessKey;
            o.DuplicateGuard.Enabled = guard;
        });
        await using var provider = services.BuildServiceProvider();
        var library = provider.GetRequiredService<IEscalationClient>();
        using var raw = new HttpClient(new SocketsHttpHandler());
        var payload = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(SampleData.Body("raw-conversation"), EscalationJsonContext.Default.EscalationRequestBody);
        var conversation = 0L;

        Task Library() => library.EscalateAsync(SampleData.Request("load-" + Interlocked.Increment(ref conversation).ToString(CultureInfo.InvariantCulture)));

        async Task Raw()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, emulator.Endpoint) { Content = new ByteArrayContent(payload) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
            request.Headers.TryAddWithoutValidation("Authorization", emulator.ApiAccessKey);
            using var response = await raw.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }

        Console.WriteLine($"Loopback load against the emulator: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {rounds} alternating rounds per concurrency, duplicate guard {(guard ? "on (default)" : "off")}.");
        Console.WriteLine();
        Console.WriteLine("| concurrency | escalations/run | library req/s | raw req/s | throughput ratio | library p50 ms | raw p50 ms | library p99 ms | raw p99 ms | p99 ratio |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var concurrency in Concurrencies)
        {
            var count = concurrency == 1 ? Math.Min(escalations, 2_000) : escalations;
            await MeasureAsync(Library, concurrency, Math.Min(count, 500));
            await MeasureAsync(Raw, concurrency, Math.Min(count, 500));

            var libraryRuns = new List<Run>();
            var rawRuns = new List<Run>();
            for (var round = 0; round < rounds; round++)
            {
                // Alternate which side goes first, so neither always runs on a warmer or a more loaded machine.
                var order = round % 2 == 0 ? new[] { true, false } : [false, true];
                foreach (var isLibrary in order)
                {
                    emulator.Reset();
                    var run = await MeasureAsync(isLibrary ? Library : Raw, concurrency, count);
                    (isLibrary ? libraryRuns : rawRuns).Add(run);
                }
            }

            var lib = Run.Combine(libraryRuns);
            var baseline = Run.Combine(rawRuns);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {concurrency} | {count:N0} | {lib.Throughput:N0} | {baseline.Throughput:N0} | {lib.Throughput / baseline.Throughput:0.00} | " +
                $"{lib.P50:0.000} | {baseline.P50:0.000} | {lib.P99:0.000} | {baseline.P99:0.000} | {lib.P99 / baseline.P99:0.00} |"));
        }

        Console.WriteLine();
        Console.WriteLine($"Finished in {total.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }

    private static async Task<Run> MeasureAsync(Func<Task> escalate, int concurrency, int count)
    {
        var latencies = new double[count];
        var next = -1;
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
        return new Run(count / stopwatch.Elapsed.TotalSeconds, latencies);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
    }

    private sealed record Run(double Throughput, double[] Latencies)
    {
        public double P50 => Percentile(0.50);

        public double P99 => Percentile(0.99);

        /// <summary>The median throughput of the rounds, and the latency percentiles over all their calls.</summary>
        public static Run Combine(List<Run> runs)
        {
            var throughputs = runs.Select(r => r.Throughput).Order().ToArray();
            return new Run(throughputs[throughputs.Length / 2], [.. runs.SelectMany(r => r.Latencies).Order()]);
        }

        private double Percentile(double p)
        {
            var sorted = Latencies.Order().ToArray();
            return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        }
    }
}
