using System.Net;
using LivePersonEscalation.DuplicateGuard;
using LivePersonEscalation.Internal;

namespace LivePersonEscalation.Tests.DuplicateGuard;

/// <summary>The in-process tier's memory, measured against the managed heap: its estimate, and its bound through the client.</summary>
[Collection(HeapMeasurement.Name)]
public sealed class InProcessTierMemoryTests
{
    [Theory]
    [InlineData(2_000, 200)]
    [InlineData(5_000, 200)]
    [InlineData(3_000, 1_024)]
    public void The_estimate_of_remembered_bytes_is_within_10_percent_of_the_measured_heap(int conversations, int bodyLength)
    {
        var clock = new SteppedClock();
        var skillId = "1234567890";
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var entries = Enumerable.Range(0, conversations).Select(i => (
            Key: $"conversation-{i:D8}",
            Claim: GuardRecords.Claim($"AbCdEfGhIjK-{i}", clock.GetUtcNow(), skillId),
            Accepted: GuardRecords.Accepted($"AbCdEfGhIjK-{i}", skillId, new string('x', bodyLength - 8) + $"{i:D8}", $"req-{i:D8}-{Guid.NewGuid():N}"))).ToList();

        var store = new InProcessGuardStore(conversations, 1024 * 1024 * 1024, clock);
        foreach (var (key, claim, accepted) in entries)
        {
            var claimed = DuplicateGuardRecord.New(claim, clock.GetUtcNow());
            store.Write(key, null, claimed);
            store.Write(key, claimed.Version, DuplicateGuardRecord.New(GuardRules.Settle(claim, accepted, GuardRecords.Window, GuardRecords.FallbackWindow, clock.GetUtcNow())!, clock.GetUtcNow()));
        }

        // What the store alone keeps alive: drop the test's own references to the entries, not to the store.
        entries.Clear();
        entries.TrimExcess();
        var measured = GC.GetTotalMemory(forceFullCollection: true) - before;
        var estimated = store.Bytes;
        GC.KeepAlive(store);

        var ratio = (double)estimated / measured;
        Console.WriteLine($"in-process tier: {conversations} entries of a {bodyLength}-character body: estimated {estimated} B, measured {measured} B ({estimated / conversations} / {measured / conversations} B per entry, ratio {ratio:0.000})");
        Assert.InRange(ratio, 0.9, 1.1);
    }

    [Fact]
    public async Task Remembered_answers_are_bounded_in_bytes_not_only_in_count()
    {
        var body = "{\"pad\":\"" + new string('x', 64 * 1024) + "\"}";
        var wire = new WireRecorder();
        wire.Respond(HttpStatusCode.OK, body);
        var client = wire.CreateRegisteredClient(new SteppedClock(), o => o.Retry.MaxAttempts = 1);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);

        for (var i = 0; i < 1_000; i++)
        {
            await client.EscalateAsync(TestData.Request(r => r with { ConversationId = $"big-{i}" }));
        }

        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        Assert.True(held < 16 * 1024 * 1024, $"the guard holds {held / 1024 / 1024} MiB for 1,000 answers of 64 KiB");
        GC.KeepAlive(client);
    }
}
