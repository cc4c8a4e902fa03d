using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace LivePersonEscalation.Tests.Resilience;

public sealed class DuplicateGuardTests
{
    private readonly WireRecorder _wire = new();
    private readonly SteppedClock _clock = new();

    private IEscalationClient Client(Action<EscalationOptions>? configure = null) => _wire.CreateRegisteredClient(_clock, configure);

    /// <summary>Holds every request at the wire until <c>release</c> completes; <c>arrived</c> completes when one got there.</summary>
    private (TaskCompletionSource Arrived, TaskCompletionSource Release) HoldRequests()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _wire.Intercept(async _ =>
        {
            arrived.TrySetResult();
            await release.Task;
        });
        return (arrived, release);
    }

    [Fact]
    public async Task A_second_escalation_of_the_same_conversation_within_the_window_is_not_sent()
    {
        _wire.Respond(HttpStatusCode.OK, """{"status":"accepted"}""", "application/json", ("X-Request-Id", "req-42"));
        var client = Client();

        var first = await client.EscalateAsync(TestData.Request());
        _clock.Advance(TimeSpan.FromSeconds(29));
        var second = await client.EscalateAsync(TestData.Request(r => r with { Message = "again" }));

        Assert.Single(_wire.Requests);
        Assert.False(first.IsDeduplicated);
        Assert.True(second.IsDeduplicated);
        Assert.Equal(first.StatusCode, second.StatusCode);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(first.IsBodyTruncated, second.IsBodyTruncated);
        Assert.Equal("req-42", second.RequestId);
        Assert.Equal(first.Attempts, second.Attempts);
        Assert.Equal(first.Elapsed, second.Elapsed);
    }

    [Fact]
    public async Task After_the_window_the_conversation_can_be_escalated_again()
    {
        var client = Client();

        await client.EscalateAsync(TestData.Request());
        _clock.Advance(TimeSpan.FromSeconds(30));
        var again = await client.EscalateAsync(TestData.Request());

        Assert.Equal(2, _wire.Requests.Count);
        Assert.False(again.IsDeduplicated);
    }

    [Fact]
    public async Task Every_client_of_a_registration_shares_the_guard()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddLivePersonEscalation(o => o.ApiAccessKey = TestData.ApiKey).ConfigurePrimaryHttpMessageHandler(_wire.CreateHandler);
        await using var provider = services.BuildServiceProvider();

        var first = provider.GetRequiredService<IEscalationClient>();
        var other = provider.GetRequiredService<IEscalationClient>();
        await first.EscalateAsync(TestData.Request());
        var second = await other.EscalateAsync(TestData.Request());

        Assert.NotSame(first, other);

        Assert.True(second.IsDeduplicated);
        Assert.Single(_wire.Requests);
    }

    [Fact]
    public async Task A_concurrent_escalation_of_the_same_conversation_joins_the_one_in_flight()
    {
        var (arrived, release) = HoldRequests();
        var client = Client();

        var first = client.EscalateAsync(TestData.Request());
        await arrived.Task;
        var second = client.EscalateAsync(TestData.Request());
        Assert.False(second.IsCompleted);
        release.SetResult();

        Assert.False((await first).IsDeduplicated);
        Assert.True((await second).IsDeduplicated);
        Assert.Single(_wire.Requests);
    }

    [Fact]
    public async Task A_joined_escalation_that_fails_fails_for_both_callers_and_is_forgotten()
    {
        _wire.Respond(HttpStatusCode.BadRequest);
        var (arrived, release) = HoldRequests();
        var client = Client();

        var first = client.EscalateAsync(TestData.Request());
        await arrived.Task;
        var second = client.EscalateAsync(TestData.Request());
        release.SetResult();

        await Assert.ThrowsAsync<EscalationException>(() => first);
        await Assert.ThrowsAsync<EscalationException>(() => second);
        Assert.Single(_wire.Requests);

        _wire.Respond(HttpStatusCode.OK).Intercept(_ => Task.CompletedTask);
        var retried = await client.EscalateAsync(TestData.Request());
        Assert.False(retried.IsDeduplicated);
        Assert.Equal(2, _wire.Requests.Count);
    }

    [Fact]
    public async Task A_joining_caller_can_cancel_its_wait_without_cancelling_the_escalation()
    {
        var (arrived, release) = HoldRequests();
        var client = Client();
        using var cancellation = new CancellationTokenSource();

        var first = client.EscalateAsync(TestData.Request());
        await arrived.Task;
        var second = client.EscalateAsync(TestData.Request(), cancellation.Token);
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        release.SetResult();

        Assert.False((await first).IsDeduplicated);
    }

    [Fact]
    public async Task When_the_sending_caller_cancels_the_joined_callers_end_too_and_the_conversation_is_forgotten()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _wire.Hang(arrived);
        var client = Client();
        using var cancellation = new CancellationTokenSource();

        var first = client.EscalateAsync(TestData.Request(), cancellation.Token);
        await arrived.Task;
        var second = client.EscalateAsync(TestData.Request());
        await cancellation.CancelAsync();

        // Bounded waits: a conversation left "in flight" would make these hang rather than fail.
        var bound = TimeSpan.FromSeconds(10);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.WaitAsync(bound));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second.WaitAsync(bound));

        _wire.Intercept(_ => Task.CompletedTask);
        var again = await client.EscalateAsync(TestData.Request()).WaitAsync(bound);
        Assert.False(again.IsDeduplicated);
        Assert.Equal(2, _wire.Requests.Count);
    }

    [Fact]
    public async Task Different_conversations_are_all_sent()
    {
        var client = Client();

        await client.EscalateAsync(TestData.Request(r => r with { ConversationId = "a" }));
        await client.EscalateAsync(TestData.Request(r => r with { ConversationId = "b" }));

        Assert.Equal(2, _wire.Requests.Count);
    }

    [Fact]
    public async Task The_guard_can_be_turned_off()
    {
        var client = Client(o => o.DuplicateGuard.Enabled = false);

        await client.EscalateAsync(TestData.Request());
        var second = await client.EscalateAsync(TestData.Request());

        Assert.False(second.IsDeduplicated);
        Assert.Equal(2, _wire.Requests.Count);
    }

    [Fact]
    public async Task Beyond_its_capacity_the_guard_forgets_the_oldest_accepted_conversation()
    {
        var client = Client(o => o.DuplicateGuard.MaxConversations = 2);

        foreach (var id in new[] { "a", "b", "c" })
        {
            await client.EscalateAsync(TestData.Request(r => r with { ConversationId = id }));
        }

        var a = await client.EscalateAsync(TestData.Request(r => r with { ConversationId = "a" }));
        var c = await client.EscalateAsync(TestData.Request(r => r with { ConversationId = "c" }));

        Assert.False(a.IsDeduplicated);
        Assert.True(c.IsDeduplicated);
        Assert.Equal(4, _wire.Requests.Count);
    }

    [Fact]
    public void A_flood_of_distinct_conversations_cannot_grow_the_guard_beyond_its_capacity()
    {
        var guard = new DuplicateEscalationGuard(TimeSpan.FromMinutes(10), capacity: 100, _clock);

        for (var i = 0; i < 10_000; i++)
        {
            Accept(guard, $"conv-{i}");
        }

        Assert.Equal(100, guard.Count);
    }

    [Fact]
    public void Expired_entries_are_released()
    {
        var guard = new DuplicateEscalationGuard(TimeSpan.FromSeconds(30), capacity: 1_000, _clock);
        for (var i = 0; i < 500; i++)
        {
            Accept(guard, $"conv-{i}");
        }

        _clock.Advance(TimeSpan.FromSeconds(31));
        Accept(guard, "late");

        Assert.Equal(1, guard.Count);
    }

    [Fact]
    public void A_full_guard_of_conversations_in_flight_lets_a_new_one_through_unguarded()
    {
        var guard = new DuplicateEscalationGuard(TimeSpan.FromSeconds(30), capacity: 2, _clock);
        Assert.True(guard.Enter("a", _clock.GetTimestamp()).MustReport);
        Assert.True(guard.Enter("b", _clock.GetTimestamp()).MustReport);

        var third = guard.Enter("c", _clock.GetTimestamp());

        Assert.False(third.MustReport);
        Assert.Null(third.Answer);
        Assert.Null(third.Joined);
        Assert.Equal(2, guard.Count);
    }

    /// <summary>One escalation of <paramref name="conversationId"/> through the guard, sent and accepted.</summary>
    private void Accept(DuplicateEscalationGuard guard, string conversationId)
    {
        var entry = guard.Enter(conversationId, _clock.GetTimestamp());
        Assert.True(entry.MustReport);
        guard.Complete(conversationId, new EscalationResult { StatusCode = HttpStatusCode.OK }, _clock.GetTimestamp());
    }
}
