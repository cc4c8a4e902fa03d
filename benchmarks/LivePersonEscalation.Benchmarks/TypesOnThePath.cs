using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Net;
using LivePersonEscalation.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LivePersonEscalation.Benchmarks;

/// <summary>
/// The library's types one escalation passes through, measured rather than read off the code: the runtime's JIT
/// events name the type of every method compiled, and none of the library's is precompiled, so the first escalation
/// of a process (default DI registration, the duplicate guard on, accepted by the emulator, whose own types are left
/// out) compiles each method it
/// runs. The client is resolved before listening, so registration and construction do not count (nor do the few
/// types whose methods ran there first, or were only inlined: the settings snapshots, the argument checks).
/// </summary>
internal static class TypesOnThePath
{
    public static async Task<int> RunAsync()
    {
        await using var emulator = await EscalationEmulator.StartAsync(new EscalationEmulatorOptions { ApiAccessKey = SampleData.ApiKey });
        var services = new ServiceCollection();
        services.AddLivePersonEscalation(o =>
        {
            o.Endpoint = emulator.Endpoint;
            o.ApiAccessKey = SampleData.ApiKey;
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IEscalationClient>();

        // Accepted at once; then a 503 retried and accepted (the retry path); then a 400 (the failure path). The
        // runtime delivers its events to listeners in batches, so each is placed in its phase by its time stamp.
        using var listener = new JitListener();
        var phases = new List<DateTime> { DateTime.UtcNow };
        await client.EscalateAsync(SampleData.Request("types-1"));
        phases.Add(DateTime.UtcNow);
        emulator.Script(EmulatorResponse.Status(HttpStatusCode.ServiceUnavailable), EmulatorResponse.Accept());
        await client.EscalateAsync(SampleData.Request("types-2"));
        phases.Add(DateTime.UtcNow);
        emulator.Script(EmulatorResponse.Status(HttpStatusCode.BadRequest, """{"error":"bad"}"""));
        try
        {
            await client.EscalateAsync(SampleData.Request("types-3"));
        }
        catch (EscalationException)
        {
            // Refused, as scripted.
        }

        phases.Add(DateTime.UtcNow);
        await Task.Delay(TimeSpan.FromSeconds(2)); // lets the last batch of events arrive
        listener.Dispose();

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var accepted = TypesBetween(listener, phases[0], phases[1], seen);
        var retried = TypesBetween(listener, phases[1], phases[2], seen);
        var refused = TypesBetween(listener, phases[2], phases[3], seen);

        Print("accepted at once", accepted);
        Print("added by a retry (503, then accepted)", retried);
        Print("added by a refusal (400)", refused);
        Console.WriteLine($"{seen.Count} library types on the paths of one escalation (nested and generated types counted as their declaring type).");
        return 0;
    }

    private static List<string> TypesBetween(JitListener listener, DateTime from, DateTime to, HashSet<string> seen) =>
        listener.Compiled
            .Where(c => c.At >= from && c.At < to)
            .Select(c => c.Type)
            .Where(t => t.StartsWith("LivePersonEscalation.", StringComparison.Ordinal) && !t.StartsWith("LivePersonEscalation.Benchmarks", StringComparison.Ordinal) && !t.StartsWith("LivePersonEscalation.Testing", StringComparison.Ordinal))
            .Select(t => t.Split('+', '`', '[')[0])
            .Where(seen.Add)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static void Print(string path, List<string> types)
    {
        Console.WriteLine($"{path}: {types.Count}");
        foreach (var type in types)
        {
            Console.WriteLine("  " + type);
        }
    }

    private sealed class JitListener : EventListener
    {
        public ConcurrentQueue<(DateTime At, string Type)> Compiled { get; } = new();

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x10); // JIT
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName == "MethodJittingStarted_V1" && eventData.PayloadNames is { } names && names.IndexOf("MethodNamespace") is var at and >= 0 && eventData.Payload![at] is string type)
            {
                Compiled.Enqueue((eventData.TimeStamp.ToUniversalTime(), type));
            }
        }
    }
}
