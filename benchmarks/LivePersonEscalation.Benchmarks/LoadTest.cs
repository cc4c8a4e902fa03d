using LivePersonEscalation.Internal;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace LivePersonEscalation.Benchmarks;

/// <summary>
/// Loopback load: the library's default client and a raw <see cref="HttpClient"/> posting pre-serialized bytes,
/// each escalating against the emulator on 127.0.0.1, in pairs of rounds at each concurrency (which side goes first
/// alternates). The throughput ratio is the median of the pairs' ratios, so a slow spell of a shared machine, which
/// hits both rounds of a pair alike, cancels out. Options: <c>--escalations N</c> per round (default 20,000; 2,000 at
/// concurrency 1), <c>--rounds R</c> pairs (default 8), <c>--no-guard</c> to turn the duplicate guard off and so
/// measure what it costs, <c>--in-process</c> to run the emulator in this process.
/// </summary>
internal static class LoadTest
{
    private static readonly int[] Concurrencies = [1, 16, 64];

    public static async Task<int> RunAsync(string[] args)
    {
        var escalations = LoadMeasurement.Option(args, "--escalations", 20_000);
        var rounds = LoadMeasurement.Option(args, "--rounds", 8);
        var guard = !args.Contains("--no-guard");
        var inProcess = args.Contains("--in-process");
        var total = Stopwatch.StartNew();

        await using var server = await EmulatorHost.StartAsync(inProcess);
        var services = new ServiceCollection();
        services.AddLivePersonEscalation(o =>
        {
            o.Endpoint = server.Endpoint;
            o.ApiAccessKey = SampleData.ApiKey;
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
            using var request = new HttpRequestMessage(HttpMethod.Post, server.Endpoint) { Content = new ByteArrayContent(payload) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
            request.Headers.TryAddWithoutValidation("Authorization", SampleData.ApiKey);
            using var response = await raw.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }

        async Task<LoadRound> MeasureRoundAsync(Func<Task> escalate, int concurrency, int count)
        {
            await server.ResetAsync();
            return await LoadMeasurement.MeasureAsync(escalate, concurrency, count);
        }

        Console.WriteLine($"Loopback load against the emulator ({(inProcess ? "in this process" : "in a process of its own")}): {Environment.ProcessorCount} cores, .NET {Environment.Version}, {rounds} pairs of rounds per concurrency, duplicate guard {(guard ? "on (default)" : "off")}.");
        Console.WriteLine();
        Console.WriteLine($"Client CPU is this process's processor time per escalation{(inProcess ? ", the emulator's included" : "")}.");
        Console.WriteLine();
        Console.WriteLine("| concurrency | escalations/run | library req/s | raw req/s | throughput ratio | library p50 ms | raw p50 ms | library p99 ms | raw p99 ms | p99 ratio | library client CPU µs | raw client CPU µs |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");

        // Warm both sides up until tiered compilation has settled, so no measured round pays for it.
        await LoadMeasurement.WarmUpAsync(async () =>
        {
            await MeasureRoundAsync(Library, 16, 3_000);
            await MeasureRoundAsync(Raw, 16, 3_000);
        });

        foreach (var concurrency in Concurrencies)
        {
            var count = concurrency == 1 ? Math.Min(escalations, 2_000) : escalations;
            await LoadMeasurement.MeasureAsync(Library, concurrency, Math.Min(count, 500));
            await LoadMeasurement.MeasureAsync(Raw, concurrency, Math.Min(count, 500));

            var libraryRounds = new List<LoadRound>();
            var rawRounds = new List<LoadRound>();
            for (var round = 0; round < rounds; round++)
            {
                // Alternate which side goes first, so neither always runs on a warmer or a more loaded machine.
                var libraryFirst = round % 2 == 0;
                var first = await MeasureRoundAsync(libraryFirst ? Library : Raw, concurrency, count);
                var second = await MeasureRoundAsync(libraryFirst ? Raw : Library, concurrency, count);
                libraryRounds.Add(libraryFirst ? first : second);
                rawRounds.Add(libraryFirst ? second : first);
            }

            var throughputRatio = LoadMeasurement.Median(libraryRounds.Zip(rawRounds, (l, r) => l.Throughput / r.Throughput));
            var p99Ratio = LoadMeasurement.Median(libraryRounds.Zip(rawRounds, (l, r) => l.P99 / r.P99));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {concurrency} | {count:N0} | {LoadMeasurement.Median(libraryRounds, r => r.Throughput):N0} | {LoadMeasurement.Median(rawRounds, r => r.Throughput):N0} | {throughputRatio:0.00} | " +
                $"{LoadMeasurement.Median(libraryRounds, r => r.P50):0.000} | {LoadMeasurement.Median(rawRounds, r => r.P50):0.000} | {LoadMeasurement.Median(libraryRounds, r => r.P99):0.000} | {LoadMeasurement.Median(rawRounds, r => r.P99):0.000} | {p99Ratio:0.00} | " +
                $"{LoadMeasurement.Median(libraryRounds, r => r.CpuMicroseconds):0.0} | {LoadMeasurement.Median(rawRounds, r => r.CpuMicroseconds):0.0} |"));
        }

        Console.WriteLine();
        Console.WriteLine("Every figure is the median of the rounds; every ratio the median of the pairs' ratios.");
        Console.WriteLine($"Finished in {total.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }
}
