using System.Net;
using LivePersonEscalation.DuplicateGuard;
using LivePersonEscalation.Internal;

namespace LivePersonEscalation.Tests.DuplicateGuard;

/// <summary>The in-process store on its own, below the client: its bounds, expiry and ownership.</summary>
public sealed class InMemoryStoreTests
{
    private readonly SteppedClock _clock = new();

    [Fact]
    public async Task A_flood_of_distinct_conversations_cannot_grow_the_store_beyond_its_capacity()
    {
        var store = new InMemoryDuplicateGuardStore(maxConversations: 100, maxBytes: 64 * 1024 * 1024, _clock);

        for (var i = 0; i < 10_000; i++)
        {
            await AcceptAsync(store, $"conv-{i}");
        }

        Assert.Equal(100, store.Count);
    }

    [Fact]
    public async Task The_store_is_bounded_in_bytes_evicting_the_oldest_settled_first()
    {
        var store = new InMemoryDuplicateGuardStore(maxConversations: 1_000_000, maxBytes: 64 * 1024, _clock);
        var body = new string('x', DuplicateGuardEntry.MaxBodyLength);

        for (var i = 0; i < 1_000; i++)
        {
            await AcceptAsync(store, $"conv-{i}", body);
        }

        Assert.InRange(store.SettledBytes, 1, 64 * 1024);
        Assert.InRange(store.Count, 20, 40);
        Assert.NotNull(await store.TryClaimAsync("conv-999", Claim("late"), TimeSpan.FromMinutes(1), default));
        Assert.Null(await store.TryClaimAsync("conv-0", Claim("late"), TimeSpan.FromMinutes(1), default));
    }

    [Fact]
    public async Task Expired_entries_are_released()
    {
        var store = new InMemoryDuplicateGuardStore(1_000, 64 * 1024 * 1024, _clock);
        for (var i = 0; i < 500; i++)
        {
            await AcceptAsync(store, $"conv-{i}");
        }

        _clock.Advance(TimeSpan.FromSeconds(31));
        await AcceptAsync(store, "late");

        Assert.Equal(1, store.Count);
    }

    [Fact]
    public async Task Claims_in_flight_are_not_bounded_by_the_count_of_settled_conversations()
    {
        var store = new InMemoryDuplicateGuardStore(maxConversations: 2, 64 * 1024 * 1024, _clock);
        Assert.Null(await store.TryClaimAsync("a", Claim("1"), TimeSpan.FromMinutes(1), default));
        Assert.Null(await store.TryClaimAsync("b", Claim("2"), TimeSpan.FromMinutes(1), default));

        var third = await store.TryClaimAsync("c", Claim("3"), TimeSpan.FromMinutes(1), default);
        var repeat = await store.TryClaimAsync("c", Claim("4"), TimeSpan.FromMinutes(1), default);

        Assert.Null(third);
        Assert.Equal("3", repeat?.Owner);
        Assert.Equal(3, store.Count);
    }

    [Fact]
    public async Task A_claim_whose_owner_never_settles_it_expires_and_can_be_claimed_again()
    {
        var store = new InMemoryDuplicateGuardStore(10, 64 * 1024 * 1024, _clock);
        Assert.Null(await store.TryClaimAsync("a", Claim("crashed"), TimeSpan.FromSeconds(50), default));

        var waiting = store.WaitWhileInFlightAsync("a", (await store.TryClaimAsync("a", Claim("other"), TimeSpan.FromSeconds(50), default))!, TimeSpan.FromSeconds(50), default).AsTask();
        _clock.Advance(TimeSpan.FromSeconds(50));

        Assert.Equal("crashed", (await waiting)!.Owner);
        Assert.Null(await store.TryClaimAsync("a", Claim("other"), TimeSpan.FromSeconds(50), default));
    }

    [Fact]
    public async Task Only_the_owner_settles_a_claim()
    {
        var store = new InMemoryDuplicateGuardStore(10, 64 * 1024 * 1024, _clock);
        await store.TryClaimAsync("a", Claim("owner"), TimeSpan.FromMinutes(1), default);

        await store.SettleAsync("a", "intruder", null, TimeSpan.FromSeconds(30), default);

        Assert.Equal("owner", (await store.TryClaimAsync("a", Claim("other"), TimeSpan.FromMinutes(1), default))!.Owner);
    }

    private static DuplicateGuardEntry Claim(string owner) => new() { State = DuplicateGuardState.InFlight, Owner = owner, AgentSkillId = "1" };

    /// <summary>One escalation of <paramref name="conversationId"/> through the store, claimed and accepted.</summary>
    private static async Task AcceptAsync(InMemoryDuplicateGuardStore store, string conversationId, string body = "{}")
    {
        Assert.Null(await store.TryClaimAsync(conversationId, Claim("me"), TimeSpan.FromMinutes(1), default));
        var accepted = new DuplicateGuardEntry { State = DuplicateGuardState.Accepted, Owner = "me", AgentSkillId = "1", StatusCode = HttpStatusCode.OK, Body = body };
        await store.SettleAsync(conversationId, "me", accepted, TimeSpan.FromSeconds(30), default);
    }
}
