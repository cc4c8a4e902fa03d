using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace LivePersonEscalation.Tests.DuplicateGuard;

/// <summary>The duplicate guard as the client's callers see it: repeats answered, joins, cancellation, bounds.</summary>
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
    public async Task When_the_sender_cancels_after_sending_a_joined_caller_gets_an_unknown_outcome_not_its_cancellation()
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
        var canceled = await Assert.ThrowsAsync<EscalationCanceledException>(() => first.WaitAsync(bound));
        var joined = await Assert.ThrowsAsync<EscalationException>(() => second.WaitAsync(bound));
        var again = await Assert.ThrowsAsync<EscalationException>(() => client.EscalateAsync(TestData.Request()).WaitAsync(bound));

        Assert.Equal(EscalationOutcome.Unknown, canceled.Outcome);
        Assert.Equal(cancellation.Token, canceled.CancellationToken);
        Assert.Equal(EscalationFailureKind.Canceled, joined.Kind);
        Assert.Equal(EscalationOutcome.Unknown, joined.Outcome);
        Assert.True(joined.IsDeduplicated);
        Assert.True(again.IsDeduplicated);
        Assert.Single(_wire.Requests);
    }

    [Fact]
    public async Task When_the_sender_cancels_before_sending_a_joined_caller_sends_itself()
    {
        _wire.Respond(HttpStatusCode.ServiceUnavailable, headers: ("Retry-After", "5"));
        var client = Client();
        using var cancellation = new CancellationTokenSource();

        var first = client.EscalateAsync(TestData.Request(), cancellation.Token);
        await _clock.NextDelayAsync(EscalationOptions.DefaultTimeout);
        var second = client.EscalateAsync(TestData.Request());
        _wire.Respond(HttpStatusCode.OK);
        await cancellation.CancelAsync();

        var canceled = await Assert.ThrowsAsync<EscalationCanceledException>(() => first);
        var sent = await second.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(EscalationOutcome.NotAccepted, canceled.Outcome);
        Assert.False(sent.IsDeduplicated);
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
}
