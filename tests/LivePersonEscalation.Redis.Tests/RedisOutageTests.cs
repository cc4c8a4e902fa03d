using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LivePersonEscalation.Redis.Tests;

/// <summary>Redis going down and coming back, each test on a server of its own.</summary>
public sealed class RedisOutageTests : RedisPerTest
{
    private readonly Instances _instances;

    public RedisOutageTests() => _instances = Own(new Instances());

    [Fact]
    public async Task With_redis_stopped_escalations_still_go_out_and_guarding_resumes_when_it_is_back()
    {
        // Each instance on a connection of its own that the test can watch, set up as the guard sets up its own:
        // it reconnects by itself, and says so with ConnectionRestored.
        await using var connectionA = await ReconnectingConnectionAsync();
        await using var connectionB = await ReconnectingConnectionAsync();
        var first = _instances.Start(Emulator, connectionA);
        var second = _instances.Start(Emulator, connectionB);
        await first.EscalateAsync(TestRequests.For("before"));
        Assert.True((await second.EscalateAsync(TestRequests.For("before"))).IsDeduplicated);

        var restoredA = Restored(connectionA);
        var restoredB = Restored(connectionB);
        await Redis.StopAsync();
        var stopwatch = Stopwatch.StartNew();
        var duringOutage = await second.EscalateAsync(TestRequests.For("during")).WaitAsync(TimeSpan.FromSeconds(30));
        var outageLatency = stopwatch.Elapsed;

        await Redis.StartAgainAsync();
        await Task.WhenAll(restoredA, restoredB).WaitAsync(TimeSpan.FromSeconds(20));

        // The second instance writes what it sent during the outage once Redis answers; a step of its guard that
        // Redis answered late (a loaded machine, just after the restart) keeps the guard off Redis until it lands.
        Assert.True(await Redis.KeyAppearsAsync("during", TimeSpan.FromSeconds(20)), "the escalation sent during the outage was never written to Redis");
        await first.EscalateAsync(TestRequests.For("after"));
        var repeatAfter = await second.EscalateAsync(TestRequests.For("after"));

        Assert.False(duringOutage.IsDeduplicated);
        Assert.True(outageLatency < TimeSpan.FromSeconds(5), $"an escalation waited {outageLatency} for a dead Redis");
        Assert.True(repeatAfter.IsDeduplicated);
        Assert.Equal(["before", "during", "after"], Emulator.Escalations.Select(e => e.ConversationId));
    }

    [Fact]
    public async Task A_dead_redis_is_logged_as_a_warning_and_counted()
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddFakeLogging());
        services.AddLivePersonEscalation(o =>
        {
            o.Endpoint = Emulator.Endpoint;
            o.ApiAccessKey = Emulator.ApiAccessKey;
        }).AddRedisDuplicateGuard(Redis.Configuration);
        await using var provider = services.BuildServiceProvider();
        using var unavailable = new Microsoft.Extensions.Diagnostics.Metrics.Testing.MetricCollector<long>(provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "LivePersonEscalation", "liveperson.escalation.guard_unavailable");
        await Redis.StopAsync();

        await provider.GetRequiredService<IEscalationClient>().EscalateAsync(TestRequests.For("logged"));

        var warning = Assert.Single(provider.GetFakeLogCollector().GetSnapshot(), l => l.Id.Id == 8);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Single(unavailable.GetMeasurementSnapshot());
        Assert.Single(Emulator.Requests);
    }

    [Fact]
    public async Task With_refuse_when_unavailable_nothing_is_sent_while_redis_is_down()
    {
        var client = _instances.Start(Emulator, Redis.Configuration, o => o.DuplicateGuard.RefuseWhenStoreUnavailable = true);
        await Redis.StopAsync();

        var error = await Assert.ThrowsAsync<EscalationException>(() => client.EscalateAsync(TestRequests.For("closed")));

        Assert.Equal(EscalationFailureKind.GuardUnavailable, error.Kind);
        Assert.NotEqual(EscalationOutcome.Unknown, error.Outcome);
        Assert.Empty(Emulator.Requests);
    }

    private Task<StackExchange.Redis.ConnectionMultiplexer> ReconnectingConnectionAsync()
    {
        var options = StackExchange.Redis.ConfigurationOptions.Parse(Redis.Configuration);
        options.AbortOnConnectFail = false;
        options.AsyncTimeout = 1_000;
        options.ReconnectRetryPolicy = new StackExchange.Redis.LinearRetry(500);
        return StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(options);
    }

    /// <summary>Completes when <paramref name="connection"/> has reconnected to Redis after losing it.</summary>
    private static Task Restored(StackExchange.Redis.ConnectionMultiplexer connection)
    {
        var restored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.ConnectionRestored += (_, _) => restored.TrySetResult();
        return restored.Task;
    }
}
