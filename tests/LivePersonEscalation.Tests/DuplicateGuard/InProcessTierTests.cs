using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;

namespace LivePersonEscalation.Tests.DuplicateGuard;

/// <summary>The instance's own tier keeps its promise at its bounds: nothing goes through unguarded because it is full.</summary>
public sealed class InProcessTierTests
{
    private readonly WireRecorder _wire = new();
    private readonly SteppedClock _clock = new();

    [Fact]
    public async Task A_table_full_of_escalations_in_flight_still_guards_a_new_conversation()
    {
        var held = HoldRequests();
        var client = _wire.CreateRegisteredClient(_clock, o => o.DuplicateGuard.MaxConversations = 1);

        var first = client.EscalateAsync(TestData.Request(r => r with { ConversationId = "a" }));
        var second = client.EscalateAsync(TestData.Request(r => r with { ConversationId = "b" }));
        var third = client.EscalateAsync(TestData.Request(r => r with { ConversationId = "c" }));
        await held.ArrivedAsync(3);
        var repeat = client.EscalateAsync(TestData.Request(r => r with { ConversationId = "c" }));
        held.Release();

        await Task.WhenAll(first, second, third, repeat);
        Assert.True((await repeat).IsDeduplicated);
        Assert.Equal(3, _wire.Requests.Count);
    }

    [Fact]
    public async Task Escalations_in_flight_beyond_the_byte_budget_are_refused_with_an_error_log_and_a_metric_never_silently()
    {
        var held = HoldRequests();
        await using var provider = WithByteBudget(refuseWhenFull: true);
        var client = provider.GetRequiredService<IEscalationClient>();
        using var unavailable = new MetricCollector<long>(provider.GetRequiredService<IMeterFactory>(), "LivePersonEscalation", "liveperson.escalation.guard_unavailable");

        var calls = Enumerable.Range(0, 400).Select(i => Capture(client.EscalateAsync(TestData.Request(r => r with { ConversationId = $"conversation-{i:D4}-" + new string('c', 64) })))).ToList();
        var refused = calls.Where(c => c.IsCompleted).ToList();
        await held.ArrivedAsync(calls.Count - refused.Count);
        held.Release();
        await Task.WhenAll(calls);

        var refusals = await Task.WhenAll(refused);
        Assert.NotEmpty(refusals);
        Assert.All(refusals, e => Assert.Equal(EscalationFailureKind.GuardUnavailable, Assert.IsType<EscalationException>(e).Kind));
        Assert.Contains("DuplicateGuard:MaxMemoryBytes", refusals[0]!.Message, StringComparison.Ordinal);
        Assert.Equal(calls.Count - refused.Count, _wire.Requests.Count);
        Assert.Equal(refused.Count, provider.GetFakeLogCollector().GetSnapshot().Count(l => l.Id.Id == 10 && l.Level == LogLevel.Error));
        Assert.Equal(refused.Count, unavailable.GetMeasurementSnapshot().Count(m => m.Tags["liveperson.guard.reason"] is "capacity"));
    }

    [Fact]
    public async Task A_conversation_sent_while_the_byte_budget_was_full_is_remembered_once_it_settles()
    {
        var held = HoldRequests();
        var whileFull = "while-full-" + new string('c', 210);
        await using var provider = WithByteBudget(refuseWhenFull: false);
        var client = provider.GetRequiredService<IEscalationClient>();
        using var unavailable = new MetricCollector<long>(provider.GetRequiredService<IMeterFactory>(), "LivePersonEscalation", "liveperson.escalation.guard_unavailable");
        var slow = new List<Task<Exception?>>();
        for (var i = 0; i < 1_000 && unavailable.GetMeasurementSnapshot().Count == 0; i++)
        {
            slow.Add(Capture(client.EscalateAsync(TestData.Request(r => r with { ConversationId = $"slow-{i:D4}-" + new string('c', 200) }))));
        }

        // The budget of claims in flight is full: the next conversation goes out unguarded, once, and is then remembered.
        var sending = client.EscalateAsync(TestData.Request(r => r with { ConversationId = whileFull }));
        var budgetFull = unavailable.GetMeasurementSnapshot().Count;
        held.Release();
        var first = await sending;
        var second = await client.EscalateAsync(TestData.Request(r => r with { ConversationId = whileFull }));
        var third = await client.EscalateAsync(TestData.Request(r => r with { ConversationId = whileFull }));
        await Task.WhenAll(slow);

        Assert.Equal(2, budgetFull);
        Assert.Equal(2, unavailable.GetMeasurementSnapshot().Count);
        Assert.False(first.IsDeduplicated);
        Assert.True(second.IsDeduplicated);
        Assert.True(third.IsDeduplicated);
        Assert.Single(_wire.Requests, r => r.Json.GetProperty("conversationId").GetString() == whileFull);
        Assert.Contains(provider.GetFakeLogCollector().GetSnapshot(), l => l.Id.Id == 10 && l.Level == LogLevel.Error);
    }

    [Fact]
    public async Task The_api_key_echoed_in_an_accepting_body_is_neither_returned_nor_remembered()
    {
        const string key = "k+ey/7f3a<9>";
        _wire.Respond(HttpStatusCode.OK, """{"echo":"k+ey/7f3a<9>","json":"k\u002Bey\/7f3a\u003C9\u003E","lower":"k\u002bey/7f3a\u003c9\u003e"}""");
        var client = _wire.CreateRegisteredClient(_clock, o => o.ApiAccessKey = key);

        var first = await client.EscalateAsync(TestData.Request());
        var repeat = await client.EscalateAsync(TestData.Request());

        Assert.True(repeat.IsDeduplicated);
        foreach (var body in new[] { first.Body, repeat.Body, first.ToString(), repeat.ToString() })
        {
            Assert.DoesNotContain("7f3a", body, StringComparison.Ordinal);
        }

        Assert.Equal("""{"echo":"***","json":"***","lower":"***"}""", first.Body);
    }

    [Fact]
    public async Task The_api_key_json_escaped_in_a_refusing_body_is_redacted()
    {
        _wire.Respond(HttpStatusCode.BadRequest, """{"error":"bad key k\u002Bey\/7f3a"}""");
        var client = _wire.CreateRegisteredClient(_clock, o => o.ApiAccessKey = "k+ey/7f3a");

        var error = await Assert.ThrowsAsync<EscalationException>(() => client.EscalateAsync(TestData.Request()));

        Assert.DoesNotContain("7f3a", error.ResponseBody, StringComparison.Ordinal);
        Assert.DoesNotContain("7f3a", error.Message, StringComparison.Ordinal);
    }

    private static async Task<Exception?> Capture(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }


    /// <summary>A host whose client's in-process guard has the smallest byte budget, 64 KiB, with fake logging.</summary>
    private ServiceProvider WithByteBudget(bool refuseWhenFull)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddLogging(logging => logging.AddFakeLogging());
        services.AddLivePersonEscalation(o =>
        {
            o.ApiAccessKey = TestData.ApiKey;
            o.DuplicateGuard.MaxMemoryBytes = 64 * 1024;
            o.DuplicateGuard.RefuseWhenStoreUnavailable = refuseWhenFull;
        }).ConfigurePrimaryHttpMessageHandler(_wire.CreateHandler);
        return services.BuildServiceProvider();
    }

    private HeldRequests HoldRequests()
    {
        var held = new HeldRequests();
        _wire.Intercept(held.HoldAsync);
        return held;
    }
}
