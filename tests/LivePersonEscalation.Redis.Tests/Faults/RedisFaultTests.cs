using System.Diagnostics;
using LivePersonEscalation.Redis.Internal;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace LivePersonEscalation.Redis.Tests.Faults;

/// <summary>
/// One conversation, one escalation when Redis misbehaves: down, late, reset, blackholed, restarted, evicting, and
/// when the instance itself stops or starves. Each test counts the requests at a loopback endpoint; faults between an
/// instance and Redis come from <see cref="RedisFaultProxy"/>. A server of its own per test.
/// </summary>
public sealed class RedisFaultTests : RedisPerTest
{
    [Fact]
    public async Task With_redis_down_one_instance_sends_a_conversation_once_and_answers_its_repeat_itself()
    {
        await Redis.StopAsync();
        var instance = Start(Redis.Configuration);

        var first = await instance.EscalateAsync("down");
        var repeat = await instance.EscalateAsync("down");
        var other = await instance.EscalateAsync("down-other");

        Console.WriteLine($"dead Redis (nothing listening), StoreTimeout 1 s: first escalation of a fresh instance {first.Took.TotalMilliseconds:0} ms, its repeat {repeat.Took.TotalMilliseconds:0} ms, the next conversation {other.Took.TotalMilliseconds:0} ms");
        var timings = $"first {first.Took.TotalMilliseconds:0} ms, repeat {repeat.Took.TotalMilliseconds:0} ms, other {other.Took.TotalMilliseconds:0} ms";
        Assert.False(first.Result!.IsDeduplicated, timings);
        Assert.True(repeat.Result!.IsDeduplicated, $"the repeat was sent again ({timings})");
        Assert.Equal(2, Emulator.Requests.Count);
        Assert.Contains(instance.GuardUnavailable.GetMeasurementSnapshot(), m => m.Tags["liveperson.guard.reason"] is "unreachable" or "timeout");
        Assert.True(other.Took < TimeSpan.FromMilliseconds(900), $"an escalation waited {other.Took} for a Redis known to be down");
    }

    private static readonly string[] Causes = ["is not connected (no connection made since start", "is still being made", "did not answer within"];

    [Fact]
    public async Task An_unreachable_redis_is_logged_naming_its_endpoint_and_the_cause()
    {
        await Redis.StopAsync();
        var instance = Start(Redis.Configuration);

        await instance.EscalateAsync("down");

        // Which failure a loaded machine sees first varies (not connected, first connection still being made, no
        // answer in time); each names the Redis, and says why.
        var warning = instance.Logs.First(log => log.Id.Id == 8).Message;
        Assert.True(warning.Contains(Redis.Configuration, StringComparison.Ordinal), warning);
        Assert.True(Causes.Any(cause => warning.Contains(cause, StringComparison.Ordinal)), warning);
    }

    [Fact]
    public async Task An_escalation_sent_while_redis_was_down_answers_a_repeat_on_another_instance_once_redis_is_back()
    {
        var sender = Start(Redis.Configuration);
        await sender.EscalateAsync("warm-up");
        await Redis.StopAsync();
        Assert.False((await sender.EscalateAsync("sent-while-down")).Result!.IsDeduplicated);

        await Redis.StartAgainAsync();
        Assert.True(await KeyAppearsAsync("sent-while-down", TimeSpan.FromSeconds(20)), "the escalation sent while Redis was down was never written there");
        var repeat = await Start(Redis.Configuration).EscalateAsync("sent-while-down");

        Assert.True(repeat.Result!.IsDeduplicated);
        Assert.Equal(2, Emulator.Requests.Count);
    }

    [Fact]
    public async Task An_escalation_sent_while_redis_was_down_answers_a_repeat_on_another_instance_right_after_both_are_back_every_time()
    {
        const int runs = 20;
        var (one, two) = (Start(Redis.Configuration), Start(Redis.Configuration));
        await one.EscalateAsync("warm-up");
        await two.EscalateAsync("warm-up-two");
        var answered = 0;
        for (var run = 0; run < runs; run++)
        {
            await Redis.StopAsync();
            await one.EscalateAsync($"down-{run}");
            await two.EscalateAsync($"elsewhere-{run}"); // the other instance met the outage too
            await Redis.StartAgainAsync();
            Assert.True(await KeyAppearsAsync($"down-{run}", TimeSpan.FromSeconds(20)), "the escalation sent while Redis was down was never written there");
            await BothHealthyAsync(one, two);

            var repeat = await two.EscalateAsync($"down-{run}");
            answered += repeat.Result?.IsDeduplicated == true ? 1 : 0;
        }

        Console.WriteLine($"sent while Redis was down, repeated on another instance right after both connections were back: answered {answered} of {runs}");
        Assert.Equal(runs, answered);
        Assert.Equal(runs, Emulator.Escalations.Count(e => e.ConversationId.StartsWith("down-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_repeat_right_after_a_blackholed_link_heals_asks_redis_though_its_breaker_had_opened()
    {
        // B's link stops carrying anything, without closing: B's steps run out of time until its breaker opens and
        // skips Redis. Meanwhile A escalates through Redis. B's link heals (nothing reconnects, so nothing reports
        // "restored"); once B's connection has read an answer (its health check's PING), B repeats A's escalation,
        // within its breaker's break.
        var breakDuration = TimeSpan.FromSeconds(2);
        await using var link = new RedisFaultProxy(Redis.Port);
        var one = Start(Redis.Configuration);
        var two = Start(link.Configuration, o => o.DuplicateGuard.StoreTimeout = TimeSpan.FromMilliseconds(300));
        await two.EscalateAsync("warm-up");
        await WarmedUpAsync();
        link.Fault = ProxyFault.Blackhole;

        var clock = Stopwatch.StartNew();
        var stepsStarted = new List<TimeSpan>();
        for (var step = 0; step < 8 && !BreakerSkipped(two); step++)
        {
            stepsStarted.Add(clock.Elapsed);
            await two.EscalateAsync($"elsewhere-{step}");
        }

        Assert.True(BreakerSkipped(two), "B's breaker never opened");
        var sent = await one.EscalateAsync("sent-by-a");
        link.Fault = ProxyFault.None;
        await ConnectionAnswersAsync(two);
        var repeat = await two.EscalateAsync("sent-by-a");

        // The breaker opened after the step before the skipped one began (that step was not skipped).
        var sinceItCouldHaveOpened = clock.Elapsed - stepsStarted[^2];
        Console.WriteLine($"blackholed link healed: B's repeat {(repeat.Result?.IsDeduplicated == true ? "answered" : "sent again")} in {repeat.Took.TotalMilliseconds:0} ms, {sinceItCouldHaveOpened.TotalMilliseconds:0} ms after B's last step that was not skipped began");
        Assert.True(sinceItCouldHaveOpened < breakDuration, $"the repeat came {sinceItCouldHaveOpened} after the breaker could have opened, past its break: this run did not test the breaker");
        Assert.False(sent.Result!.IsDeduplicated);
        Assert.True(repeat.Result!.IsDeduplicated, "the repeat was sent again");
        Assert.Single(Emulator.Escalations, e => e.ConversationId == "sent-by-a");

        static bool BreakerSkipped(Instance instance) =>
            instance.Logs.Any(log => log.Id.Id == 8 && log.Message.Contains("steps skip it until it answers again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_claim_answered_after_the_operation_timeout_is_settled_so_a_repeat_elsewhere_waits_only_for_it()
    {
        await using var proxy = new RedisFaultProxy(Redis.Port) { AnswerDelay = TimeSpan.FromSeconds(2) };
        var slow = Start(proxy.Configuration, o => o.DuplicateGuard.StoreTimeout = TimeSpan.FromMilliseconds(500));
        await slow.EscalateAsync("warm-up");
        await WarmedUpAsync();
        proxy.Fault = ProxyFault.DelayAnswers;

        var first = slow.EscalateAsync("late-claim");
        Assert.True(await KeyAppearsAsync("late-claim", TimeSpan.FromSeconds(10)));
        var repeat = await Start(Redis.Configuration).EscalateAsync("late-claim");
        var sent = await first;

        AssertSentOnceAndRepeatAnswered(sent, repeat, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Instances_starting_on_a_slow_first_connection_wait_for_it_and_send_a_conversation_once()
    {
        // Eight instances starting at once on two cores see their timers late: in the guard's view no operation
        // timeout has passed (a clock that stands still), while Redis's first answers take longer than it in real
        // time. The connection's own timer must not decide that Redis is unreachable instead.
        await using var proxy = new RedisFaultProxy(Redis.Port) { AnswerDelay = TimeSpan.FromSeconds(1.5), Fault = ProxyFault.DelayAnswers };
        var instances = Enumerable.Range(0, 2)
            .Select(_ => Own(new Instance(Emulator, proxy.Configuration, o => o.DuplicateGuard.StoreTimeout = TimeSpan.FromSeconds(1), new FakeTimeProvider())))
            .ToList();

        var ended = await Task.WhenAll(instances.Select(instance => instance.EscalateAsync("slow-first-connection")));

        Assert.All(ended, e => Assert.Null(e.Error));
        Assert.Single(Emulator.Requests);
        Assert.Single(ended, e => e.Result!.IsDeduplicated);
        Assert.All(instances, instance => Assert.Empty(instance.GuardUnavailable.GetMeasurementSnapshot()));
    }

    [Fact]
    public async Task A_claim_whose_answer_is_lost_to_a_reset_is_settled_after_the_reconnection()
    {
        await using var proxy = new RedisFaultProxy(Redis.Port);
        var instance = Start(proxy.Configuration);
        await instance.EscalateAsync("warm-up");
        await WarmedUpAsync();
        proxy.Fault = ProxyFault.ResetAfterScript;

        var sent = await instance.EscalateAsync("reset-claim");
        var repeat = await Start(Redis.Configuration).EscalateAsync("reset-claim");

        Assert.Equal(1, proxy.Resets);
        AssertSentOnceAndRepeatAnswered(sent, repeat, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_claim_whose_answers_keep_resetting_until_its_caller_gave_up_is_settled_so_a_waiting_instance_is_answered()
    {
        await using var proxy = new RedisFaultProxy(Redis.Port) { AnswerDelay = TimeSpan.FromMilliseconds(300) };
        var resetting = Start(proxy.Configuration);
        var healthy = Start(Redis.Configuration);
        await resetting.EscalateAsync("warm-up");
        await healthy.EscalateAsync("warm-up-healthy");
        await WarmedUpAsync();
        Emulator.Reset();
        proxy.Fault = ProxyFault.ResetEveryAnswerAfterScript;

        // The claim lands; its answer, and every answer after it, is reset until the escalation has gone out.
        var sending = resetting.EscalateAsync("reset-every-answer");
        Assert.True(await KeyAppearsAsync("reset-every-answer", TimeSpan.FromSeconds(10)), "the claim never reached Redis");
        var repeat = healthy.EscalateAsync("reset-every-answer", TimeSpan.FromSeconds(60));
        var sent = await sending;
        var healed = Stopwatch.StartNew();
        proxy.Fault = ProxyFault.None;
        var answered = await repeat;
        var answeredAfter = healed.Elapsed;

        await using var connection = await Redis.ConnectAsync();
        var key = await WaitForKeyAsync(connection, "reset-every-answer");
        var record = (string?)await connection.GetDatabase().StringGetAsync(key!.Value);
        Console.WriteLine($"answers reset until the caller gave up: {proxy.Resets} resets, sent in {sent.Took.TotalMilliseconds:0} ms, the waiting instance answered {answeredAfter.TotalMilliseconds:0} ms after Redis took writes again");
        Assert.False(sent.Result!.IsDeduplicated);
        Assert.True(answered.Result!.IsDeduplicated);
        Assert.Single(Emulator.Requests);
        Assert.True(answeredAfter < TimeSpan.FromSeconds(5), $"the waiting instance was answered {answeredAfter} after Redis took writes again");
        Assert.True(RedisServer.IsAccepted(record), $"the record left in Redis: {record}");
    }

    [Fact]
    public async Task A_transfer_failure_reported_while_an_instance_cannot_reach_redis_sends_one_fallback_however_often_it_is_repeated()
    {
        // The chain billing, general; A's link to Redis goes down (every connection it makes is held, so it stays
        // not connected) after its escalation was recorded there, and comes back once A answered the report.
        var (link, one, two, escalated) = await EscalatedOnTheChainAsync("reported-while-down");
        link.Fault = ProxyFault.Blackhole;
        link.DropConnections();

        var reported = await one.Client.ReportTransferFailureAsync(TestRequests.TransferFailure("reported-while-down", escalated.EscalationId));
        var repeatedOnOne = await one.Client.ReportTransferFailureAsync(TestRequests.TransferFailure("reported-while-down", escalated.EscalationId));
        link.Fault = ProxyFault.None;
        Assert.True(await RecordMentionsAsync("reported-while-down", reported.EscalationId!, TimeSpan.FromSeconds(20)), "the report made while the link was down never reached Redis");
        var repeatedOnTwo = await two.Client.ReportTransferFailureAsync(TestRequests.TransferFailure("reported-while-down", escalated.EscalationId));

        Assert.Equal(["111", "222"], Emulator.Escalations.Select(e => e.AgentSkillId));
        Assert.Equal("222", reported.FallbackSkillId);
        Assert.True(repeatedOnOne.IsRepeatedReport);
        Assert.True(repeatedOnTwo.IsRepeatedReport);
        Assert.Equal(1, repeatedOnTwo.TransferFailures);
    }

    [Fact]
    public async Task A_transfer_failure_report_whose_answer_was_lost_sends_one_fallback_when_repeated_elsewhere_while_the_link_stays_down()
    {
        // The report's write lands in Redis; its answer, and every answer after it, is reset for 3 s, while the
        // report is repeated on B.
        var (link, one, two, escalated) = await EscalatedOnTheChainAsync("report-answer-lost");
        link.Fault = ProxyFault.ResetEveryAnswerAfterScript;

        var reported = await one.Client.ReportTransferFailureAsync(TestRequests.TransferFailure("report-answer-lost", escalated.EscalationId));
        var repeatedOnTwo = two.Client.ReportTransferFailureAsync(TestRequests.TransferFailure("report-answer-lost", escalated.EscalationId)).WaitAsync(TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(3));
        link.Fault = ProxyFault.None;
        var repeated = await repeatedOnTwo;

        Console.WriteLine($"report answer lost, link down 3 s: {link.Resets} resets, POSTs {string.Join(", ", Emulator.Escalations.Select(e => e.AgentSkillId))}, the repeat on B {(repeated.IsRepeatedReport ? "a repeated report" : "counted again")}");
        Assert.True(link.Resets >= 1, "no answer was lost");
        Assert.Equal(["111", "222"], Emulator.Escalations.Select(e => e.AgentSkillId));
        Assert.Equal("222", reported.FallbackSkillId);
        Assert.True(repeated.IsRepeatedReport);
        Assert.Equal(1, repeated.TransferFailures);
    }

    /// <summary>
    /// Instance A through a link of its own, B straight to Redis, both with the chain billing, general; A escalates
    /// <paramref name="conversationId"/> to billing, and its settle reaches Redis.
    /// </summary>
    private async Task<(RedisFaultProxy Link, Instance One, Instance Two, EscalationResult Escalated)> EscalatedOnTheChainAsync(string conversationId)
    {
        var link = Own(new RedisFaultProxy(Redis.Port));
        var (one, two) = (Start(link.Configuration, Chain), Start(Redis.Configuration, Chain));
        var escalated = await one.Client.EscalateAsync(TestRequests.For(conversationId, "111"));
        Assert.True(await Redis.AcceptedEntryAppearsAsync(conversationId, TimeSpan.FromSeconds(10)), "the escalation's settle never reached Redis");
        return (link, one, two, escalated);
    }

    private static void Chain(EscalationOptions options)
    {
        options.Skills["billing"] = "111";
        options.Skills["general"] = "222";
        options.Fallback.Skills["billing"] = "general";
    }

    private async Task<bool> RecordMentionsAsync(string conversationId, string text, TimeSpan bound)
    {
        await using var connection = await Redis.ConnectAsync();
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < bound)
        {
            if (await WaitForKeyAsync(connection, conversationId) is { } key
                && ((string?)await connection.GetDatabase().StringGetAsync(key))?.Contains(text, StringComparison.Ordinal) == true)
            {
                return true;
            }

            await Task.Delay(20);
        }

        return false;
    }

    [Fact]
    public async Task A_settle_blackholed_and_lost_is_written_again_once_the_network_is_back()
    {
        await using var proxy = new RedisFaultProxy(Redis.Port);
        var instance = Start(proxy.Configuration, o => o.DuplicateGuard.StoreTimeout = TimeSpan.FromMilliseconds(300));
        await instance.EscalateAsync("warm-up");
        await WarmedUpAsync();
        Emulator.Script(EmulatorResponse.Accept().After(TimeSpan.FromSeconds(1)));

        var first = instance.EscalateAsync("blackholed-settle");
        await Emulator.WaitForEscalationsAsync(2, TimeSpan.FromSeconds(10));
        proxy.Fault = ProxyFault.Blackhole;
        var sent = await first;
        await proxy.Held.WaitAsync(TimeSpan.FromSeconds(10));
        proxy.DropConnections();
        proxy.Fault = ProxyFault.None;
        var repeat = await Start(Redis.Configuration).EscalateAsync("blackholed-settle");

        AssertSentOnceAndRepeatAnswered(sent, repeat, TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Disposing_an_instance_mid_flight_settles_its_escalation_before_its_connection_closes()
    {
        var stopping = new Instance(Emulator, Redis.Configuration);
        Emulator.Script(EmulatorResponse.Accept().After(TimeSpan.FromSeconds(1)));

        var first = stopping.EscalateAsync("disposed-mid-flight");
        await Emulator.WaitForEscalationsAsync(1, TimeSpan.FromSeconds(10));
        await stopping.DisposeAsync();
        await first;
        var repeat = await Start(Redis.Configuration).EscalateAsync("disposed-mid-flight");

        Assert.True(repeat.Result?.IsDeduplicated ?? ((EscalationException)repeat.Error!).IsDeduplicated);
        Assert.Single(Emulator.Requests);
        Assert.True(repeat.Took < TimeSpan.FromSeconds(10), $"the repeat waited {repeat.Took}, as for a claim's expiry");
    }

    [Fact]
    public async Task A_starved_thread_pool_sends_no_conversation_twice_from_one_instance_whatever_redis_answers_in_time()
    {
        // A starved thread pool runs Redis's answers as late as its timers: neither the guard nor StackExchange.Redis
        // (which reads on the pool) can tell such a process from a slow Redis, so its steps may run out of time and
        // fail open. The instance's own tier still guards every conversation: two calls of each, one send. The
        // emulator runs on the same starved pool: the attempt's time is made longer than the starvation lasts, so an
        // attempt never ends unknown because the endpoint, not the guard, was starved (seen with the 15 s default).
        const int conversations = 200;
        var instance = Start(Redis.Configuration, o =>
        {
            o.Timeout = TimeSpan.FromMinutes(2);
            o.Retry.TotalBudget = TimeSpan.FromMinutes(3);
        });
        await instance.EscalateAsync("warm-up");
        Emulator.Reset();

        // Work items that block until the escalations are done, as sync-over-async in a host would queue: the pool
        // adds threads slowly, so every continuation, Redis's answers included, waits its turn.
        using var blocked = new ManualResetEventSlim();
        for (var i = 0; i < 24; i++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(_ => blocked.Wait(TimeSpan.FromSeconds(120)), null);
        }

        var stopwatch = Stopwatch.StartNew();
        (EscalationResult? Result, Exception? Error, TimeSpan Took)[] ended;
        try
        {
            ended = await Task.WhenAll(Enumerable.Range(0, conversations * 2).Select(i => instance.EscalateAsync($"starved-{i / 2}", TimeSpan.FromSeconds(120))));
        }
        finally
        {
            blocked.Set();
        }

        var perConversation = Emulator.Escalations.GroupBy(e => e.ConversationId).ToList();
        Console.WriteLine($"starved thread pool (24 work items blocked for the whole run), 1 instance x {conversations} conversations x 2 calls: {Emulator.Requests.Count} requests, {perConversation.Count(g => g.Count() > 1)} conversations sent twice, {ended.Count(e => e.Error is not null)} refused, {instance.GuardUnavailable.GetMeasurementSnapshot().Count} steps failed open, {stopwatch.Elapsed.TotalSeconds:0.0} s");
        Assert.DoesNotContain(perConversation, g => g.Count() > 1);
        Assert.Equal(conversations, perConversation.Count);
    }

    [Fact]
    public async Task An_evicting_maxmemory_policy_is_warned_of_counted_and_reported_degraded()
    {
        if (!Redis.IsRedis)
        {
            Console.WriteLine("not run on Garnet, which has no maxmemory-policy");
            return;
        }

        await using var evicting = await RedisServer.StartAsync("--maxmemory-policy", "allkeys-lru");
        var instance = Start(evicting.Configuration);

        await instance.EscalateAsync("evicting");
        var warning = await instance.WaitForLogAsync(21, TimeSpan.FromSeconds(10));
        var health = await instance.CheckHealthAsync();

        Assert.NotNull(warning);
        Assert.Contains("maxmemory-policy", warning.Message, StringComparison.Ordinal);
        Assert.Contains("noeviction", warning.Message, StringComparison.Ordinal);
        Assert.Contains(instance.DataLoss.GetMeasurementSnapshot(), m => m.Tags["liveperson.guard.reason"] is "evicting_policy");
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Single(health.Entries);
        Assert.All(health.Entries.Values, entry => Assert.Equal(HealthStatus.Degraded, entry.Status));
        Assert.Contains("maxmemory-policy", health.Entries[Microsoft.Extensions.DependencyInjection.LivePersonEscalationRedisHealthChecksBuilderExtensions.DefaultName].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redis_restart_is_warned_of_and_reported_degraded_and_an_unreachable_one_unhealthy()
    {
        if (!Redis.IsRedis)
        {
            Console.WriteLine("not run on Garnet, which does not answer INFO from a script");
            return;
        }

        var instance = Start(Redis.Configuration);
        await instance.EscalateAsync("before-restart");
        Assert.Equal(HealthStatus.Healthy, (await instance.CheckHealthAsync()).Status);

        await Redis.StopAsync();
        var down = await instance.CheckHealthAsync();
        await Redis.StartAgainAsync();
        var warning = await instance.WaitForLogAsync(20, TimeSpan.FromSeconds(20));
        var afterRestart = await instance.CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, down.Status);
        Assert.Equal(HealthStatus.Unhealthy, down.Entries[Microsoft.Extensions.DependencyInjection.LivePersonEscalationRedisHealthChecksBuilderExtensions.DefaultName].Status);
        Assert.NotNull(warning);
        Assert.Contains("appendonly", warning.Message, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Degraded, afterRestart.Status);
    }

    [Fact]
    public async Task The_api_key_echoed_in_an_accepting_body_never_reaches_redis()
    {
        Emulator.Script(EmulatorResponse.Status(System.Net.HttpStatusCode.OK, $$"""{"echo":"{{Emulator.ApiAccessKey}}"}"""));
        var instance = Start(Redis.Configuration);

        var sent = await instance.EscalateAsync("echoed-key");
        await using var connection = await Redis.ConnectAsync();
        var key = await WaitForKeyAsync(connection, "echoed-key");
        var value = (string?)await connection.GetDatabase().StringGetAsync(key!.Value);

        Assert.DoesNotContain(Emulator.ApiAccessKey, sent.Result!.Body, StringComparison.Ordinal);
        Assert.True(RedisServer.IsAccepted(value), value);
        Assert.DoesNotContain(Emulator.ApiAccessKey, value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_brace_in_a_conversation_id_cannot_end_the_hash_tag_early()
    {
        var instance = Start(Redis.Configuration);

        var first = await instance.EscalateAsync("a}b{c%d");
        var repeat = await instance.EscalateAsync("a}b{c%d");
        await using var connection = await Redis.ConnectAsync();
        var key = (string)(await WaitForKeyAsync(connection, "a%7Db%7Bc%25d"))!;

        Assert.True(repeat.Result!.IsDeduplicated);
        Assert.False(first.Result!.IsDeduplicated);
        Assert.Matches(@"^\{lpe:[0-9a-f]{16}:a%7Db%7Bc%25d\}$", key);
        Assert.Equal("{x%7D}", RedisDuplicateGuardStore.RedisKeyOf("x}").ToString());
    }

    /// <summary>The warm-up and <paramref name="sent"/> went out, the repeat on another instance was answered without waiting out a claim.</summary>
    private void AssertSentOnceAndRepeatAnswered((EscalationResult? Result, Exception? Error, TimeSpan Took) sent, (EscalationResult? Result, Exception? Error, TimeSpan Took) repeat, TimeSpan bound)
    {
        Assert.False(sent.Result!.IsDeduplicated);
        Assert.True(repeat.Result!.IsDeduplicated);
        Assert.Equal(2, Emulator.Requests.Count);
        Assert.True(repeat.Took < bound, $"the repeat waited {repeat.Took}, as for a claim's expiry");
    }

    /// <summary>Waits until <paramref name="instance"/>'s Redis answers its health check (a PING on its own connection).</summary>
    private static async Task ConnectionAnswersAsync(Instance instance)
    {
        for (var i = 0; i < 200; i++)
        {
            if ((await instance.CheckHealthAsync()).Status != HealthStatus.Unhealthy)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("the instance's Redis did not answer within 10 s");
    }

    private static async Task BothHealthyAsync(Instance one, Instance two)
    {
        for (var i = 0; i < 200; i++)
        {
            // Degraded is reachable: the restart itself is reported as possible data loss.
            if ((await one.CheckHealthAsync()).Status != HealthStatus.Unhealthy && (await two.CheckHealthAsync()).Status != HealthStatus.Unhealthy)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("the instances' connections did not come back within 10 s");
    }

    private Instance Start(string redis, Action<EscalationOptions>? configure = null)
    {
        return Own(new Instance(Emulator, redis, configure));
    }

    /// <summary>
    /// Waits until the warm-up's settle (written in the background) has landed, so that a fault switched on next
    /// meets the step under test, not the warm-up's answer.
    /// </summary>
    private async Task WarmedUpAsync() =>
        Assert.True(await Redis.AcceptedEntryAppearsAsync("warm-up", TimeSpan.FromSeconds(10)), "the warm-up's settle never reached Redis");

    private Task<bool> KeyAppearsAsync(string conversationId, TimeSpan bound) => Redis.KeyAppearsAsync(conversationId, bound);

    private static Task<StackExchange.Redis.RedisKey?> WaitForKeyAsync(StackExchange.Redis.ConnectionMultiplexer connection, string conversationId) =>
        RedisServer.WaitForKeyAsync(connection, conversationId);
}
