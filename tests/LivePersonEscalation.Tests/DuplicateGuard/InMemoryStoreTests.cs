using LivePersonEscalation.Internal;

namespace LivePersonEscalation.Tests.DuplicateGuard;

/// <summary>The in-process store on its own, below the client: its bounds and expiry.</summary>
public sealed class InMemoryStoreTests
{
    private readonly SteppedClock _clock = new();

    [Fact]
    public void A_flood_of_distinct_conversations_cannot_grow_the_store_beyond_its_capacity()
    {
        var store = new InProcessGuardStore(maxConversations: 100, maxBytes: 64 * 1024 * 1024, _clock);

        for (var i = 0; i < 10_000; i++)
        {
            GuardRecords.AcceptIn(store, $"conv-{i}", _clock.GetUtcNow());
        }

        Assert.Equal(100, store.Count);
    }

    [Fact]
    public void The_store_is_bounded_in_bytes_forgetting_the_oldest_settled_first()
    {
        var store = new InProcessGuardStore(maxConversations: 1_000_000, maxBytes: 64 * 1024, _clock);
        var body = new string('x', ConversationRecord.MaxBodyLength);

        for (var i = 0; i < 1_000; i++)
        {
            GuardRecords.AcceptIn(store, $"conv-{i}", _clock.GetUtcNow(), body);
        }

        Assert.InRange(store.SettledBytes, 1, 64 * 1024);
        Assert.InRange(store.Count, 20, 40);
        Assert.NotNull(store.Read("conv-999"));
        Assert.Null(store.Read("conv-0"));
    }

    [Fact]
    public void Records_are_forgotten_at_their_expiry()
    {
        var store = new InProcessGuardStore(maxConversations: 100, maxBytes: 64 * 1024 * 1024, _clock);
        GuardRecords.AcceptIn(store, "conv", _clock.GetUtcNow());

        _clock.Advance(GuardRecords.FallbackWindow + TimeSpan.FromSeconds(1));

        Assert.Null(store.Read("conv"));
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public void Claims_in_flight_are_not_bounded_by_the_count_of_settled_conversations()
    {
        var store = new InProcessGuardStore(maxConversations: 10, maxBytes: 64 * 1024 * 1024, _clock);

        for (var i = 0; i < 100; i++)
        {
            Assert.NotNull(GuardRecords.ClaimIn(store, $"conv-{i}", $"owner-{i}", _clock.GetUtcNow()));
        }

        Assert.Equal(100, store.Count);
    }

    [Fact]
    public void Claims_in_flight_never_push_out_a_record_just_settled()
    {
        var store = new InProcessGuardStore(maxConversations: 1_000, maxBytes: 64 * 1024, _clock);
        for (var i = 0; i < 1_000 && store.Bytes < 63 * 1024; i++)
        {
            Assert.NotNull(GuardRecords.ClaimIn(store, $"in-flight-{i}", $"owner-{i}", _clock.GetUtcNow()));
        }

        GuardRecords.AcceptIn(store, "settled", _clock.GetUtcNow(), new string('x', 1024));

        Assert.Equal(GuardState.Accepted, store.Read("settled")?.Conversation.State);
    }
}
