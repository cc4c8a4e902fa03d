using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace LivePersonEscalation.Benchmarks;

/// <summary>
/// The duplicate guard on Redis under load: two instances (service providers) sharing one Redis, beside one instance
/// with the in-process guard, against the emulator at 64 concurrency, in pairs of rounds. Each conversation is
/// escalated once (the common case), or, with <c>--contended</c>, by one caller on each instance at once. Reports
/// throughput, p50/p99 and the Redis round trips per escalation, counted by each instance's connection. Options: <c>--redis host:port</c>
/// (required), <c>--escalations N</c> per round (default 20,000), <c>--rounds R</c> (default 8).
/// </summary>
internal static class RedisLoadTest
{
    private const int Concurrency = 64;

    public static async Task<int> RunAsync(string[] args)
    {
        var redisAt = Array.IndexOf(args, "--redis") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        if (redisAt is null)
        {
            await Console.Error.WriteLineAsync("usage: load-redis --redis <host:port> [--escalations N] [--rounds R] [--contended]");
            return 2;
        }

        var escalations = LoadMeasurement.Option(args, "--escalations", 20_000);
        var rounds = LoadMeasurement.Option(args, "--rounds", 8);
        var contended = args.Contains("--contended");

        await using var server = await EmulatorHost.StartAsync(inProcess: false);
        // Each instance its own connection, as separate hosts would have, so its round trips can be counted.
        await using var connectionA = await ConnectionMultiplexer.ConnectAsync(redisAt);
        await using var connectionB = await ConnectionMultiplexer.ConnectAsync(redisAt);
        var version = connectionA.GetServer(connectionA.GetEndPoints()[0]).Version;
        await using var fleetA = Provider(server, connectionA);
        await using var fleetB = Provider(server, connectionB);
        await using var local = Provider(server, redis: null);
        var instanceA = fleetA.GetRequiredService<IEscalationClient>();
        var instanceB = fleetB.GetRequiredService<IEscalationClient>();
        var inProcess = local.GetRequiredService<IEscalationClient>();
        var conversation = 0L;

        string Next() => "redis-load-" + Interlocked.Increment(ref conversation).ToString(CultureInfo.InvariantCulture);

        Task Fleet()
        {
            var id = Next();
            if (!contended)
            {
                return (id.Length % 2 == 0 ? instanceA : instanceB).EscalateAsync(SampleData.Request(id));
            }

            return Task.WhenAll(instanceA.EscalateAsync(SampleData.Request(id)), instanceB.EscalateAsync(SampleData.Request(id)));
        }

        Task Local()
        {
            var id = Next();
            return contended
                ? Task.WhenAll(inProcess.EscalateAsync(SampleData.Request(id)), inProcess.EscalateAsync(SampleData.Request(id)))
                : inProcess.EscalateAsync(SampleData.Request(id));
        }

        async Task<LoadRound> RoundAsync(Func<Task> escalate)
        {
            await server.ResetAsync();
            return await LoadMeasurement.MeasureAsync(escalate, Concurrency, escalations);
        }

        await LoadMeasurement.WarmUpAsync(async () =>
        {
            await RoundAsync(Fleet);
            await RoundAsync(Local);
        });

        var fleetRounds = new List<LoadRound>();
        var localRounds = new List<LoadRound>();
        var roundTripsPerEscalation = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var fleetFirst = round % 2 == 0;
            if (!fleetFirst)
            {
                localRounds.Add(await RoundAsync(Local));
            }

            var before = Operations(connectionA) + Operations(connectionB);
            fleetRounds.Add(await RoundAsync(Fleet));
            roundTripsPerEscalation.Add((double)(Operations(connectionA) + Operations(connectionB) - before) / escalations);
            if (fleetFirst)
            {
                localRounds.Add(await RoundAsync(Local));
            }
        }

        Console.WriteLine($"Duplicate guard on Redis ({version}) under load: 2 instances sharing it vs 1 instance with the in-process guard, {Concurrency} concurrency, {escalations:N0} {(contended ? "conversations each escalated by two callers at once" : "conversations each escalated once")} per round, {rounds} pairs of rounds, .NET {Environment.Version}.");
        Console.WriteLine();
        Console.WriteLine("| guard | req/s | p50 ms | p99 ms | client CPU µs | Redis round trips per escalation |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| in-process, 1 instance | {LoadMeasurement.Median(localRounds, r => r.Throughput):N0} | {LoadMeasurement.Median(localRounds, r => r.P50):0.000} | {LoadMeasurement.Median(localRounds, r => r.P99):0.000} | {LoadMeasurement.Median(localRounds, r => r.CpuMicroseconds):0.0} | 0 |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| Redis, 2 instances | {LoadMeasurement.Median(fleetRounds, r => r.Throughput):N0} | {LoadMeasurement.Median(fleetRounds, r => r.P50):0.000} | {LoadMeasurement.Median(fleetRounds, r => r.P99):0.000} | {LoadMeasurement.Median(fleetRounds, r => r.CpuMicroseconds):0.0} | {LoadMeasurement.Median(roundTripsPerEscalation):0.00} |"));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Throughput ratio (Redis / in-process, median of pairs): {LoadMeasurement.Median(fleetRounds.Zip(localRounds, (f, l) => f.Throughput / l.Throughput)):0.00}; p99 added: {LoadMeasurement.Median(fleetRounds.Zip(localRounds, (f, l) => f.P99 - l.P99)):0.000} ms."));
        return 0;
    }

    private static ServiceProvider Provider(EmulatorHost server, IConnectionMultiplexer? redis)
    {
        var services = new ServiceCollection();
        var escalation = services.AddLivePersonEscalation(o =>
        {
            o.Endpoint = server.Endpoint;
            o.ApiAccessKey = SampleData.ApiKey;
        });
        if (redis is not null)
        {
            escalation.AddRedisDuplicateGuard(_ => redis);
        }

        return services.BuildServiceProvider();
    }

    /// <summary>The operations a connection has sent: its round trips to Redis.</summary>
    private static long Operations(ConnectionMultiplexer connection) => connection.GetCounters().Interactive.OperationCount;
}
