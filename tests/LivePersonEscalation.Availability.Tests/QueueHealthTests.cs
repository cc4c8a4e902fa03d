using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LivePersonEscalation.Availability.Tests;

/// <summary>
/// The expected wait per skill, from Messaging Current Queue Health, over real HTTP against the account APIs
/// emulator: fetched in the background for every skill at once, never for an escalation; unknown, never failing,
/// on -1, a skill not listed, stale data, a feed not enabled, 429 and 500. Time is a <see cref="FakeTimeProvider"/>.
/// </summary>
public sealed class QueueHealthTests() : QueueHealthScenario(billingAgents: 2, generalAgents: 1)
{

    [Fact]
    public async Task A_skills_wait_is_the_average_after_transfer_and_its_age_while_one_without_data_is_unknown()
    {
        AccountApis.SetQueueHealth(Billing, TimeSpan.FromSeconds(95), unassignedConversations: 4);
        AccountApis.SetQueueHealth(General, waitAfterTransfer: null); // -1: no data
        await using var provider = Provider();
        var snapshot = provider.GetRequiredService<ISkillAvailabilitySnapshot>();

        var billing = await Eventually.UntilAsync(() => snapshot.GetAsync(Billing).AsTask(), a => a.ExpectedWait is not null);
        var general = await snapshot.GetAsync(General);

        Assert.Equal(TimeSpan.FromSeconds(95), billing.ExpectedWait);
        Assert.Equal(TimeSpan.Zero, billing.ExpectedWaitAge);
        Assert.Null(billing.ExpectedWaitUnknownReason);
        Assert.Null(general.ExpectedWait);
        Assert.Equal($"LivePerson has no wait data for skill {General} (-1)", general.ExpectedWaitUnknownReason);
        Assert.True(general.IsKnown); // the wait is extra: shift and agents stand on their own
        Assert.Equal(1, AccountApis.CallsTo(AccountApi.QueueHealth)); // both skills in one request
    }

    [Fact]
    public async Task A_skill_the_answer_does_not_list_and_data_past_its_bound_are_unknown()
    {
        AccountApis.SetQueueHealth(Billing, TimeSpan.FromSeconds(30));
        await using var provider = Provider(o => o.QueueHealth.RefreshInterval = TimeSpan.FromSeconds(10));
        var snapshot = provider.GetRequiredService<ISkillAvailabilitySnapshot>();
        await Eventually.UntilAsync(() => snapshot.GetAsync(Billing).AsTask(), a => a.ExpectedWait is not null);

        Assert.Equal($"the queue health does not list skill {General}", (await snapshot.GetAsync(General)).ExpectedWaitUnknownReason);

        AccountApis.Fail(AccountApi.QueueHealth, 500);
        using var refreshes = new MetricCollector<long>(provider.GetRequiredService<IMeterFactory>(), LivePersonEscalationTelemetry.MeterName, LivePersonEscalationTelemetry.AvailabilityRefreshesInstrument);
        for (var tick = 1; tick <= 5; tick++)
        {
            Time.Advance(TimeSpan.FromSeconds(10)); // each refresh fails; the last good data ages
            await Eventually.UntilAsync(() => Task.FromResult(QueueRefreshes(refreshes)), done => done >= tick); // finished, so the next tick runs one
        }

        var stale = await Eventually.UntilAsync(() => snapshot.GetAsync(Billing).AsTask(), a => a.ExpectedWait is null);
        Assert.StartsWith("the queue health is 50 s old, older than the 40 s it is used for; the Messaging Current Queue Health API answered HTTP 500.", stale.ExpectedWaitUnknownReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_feed_not_enabled_is_logged_once_with_what_to_do_and_the_handoff_goes_ahead()
    {
        AccountApis.Fail(AccountApi.QueueHealth, 404);
        await using var provider = Provider(o => o.QueueHealth.RefreshInterval = TimeSpan.FromSeconds(10));
        var snapshot = provider.GetRequiredService<ISkillAvailabilitySnapshot>();
        var logs = provider.GetFakeLogCollector();

        var unknown = await Eventually.UntilAsync(() => snapshot.GetAsync(Billing).AsTask(), a => a.ExpectedWaitUnknownReason?.Contains("not enabled", StringComparison.Ordinal) == true);
        Time.Advance(TimeSpan.FromSeconds(10));
        await Eventually.UntilAsync(() => Task.FromResult(AccountApis.CallsTo(AccountApi.QueueHealth)), c => c >= 2);
        var handoff = await provider.GetRequiredService<AgentHandoff>().HandOffAsync(
            new InMemoryBotContext("lp_web") { ConversationId = "conv-feed-off" },
            new AgentHandoffRequest { TransferMessage = "Transferring you.", AgentSkillName = "billing" });

        var health = (await provider.GetRequiredService<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService>().CheckHealthAsync()).Entries["liveperson-escalation-availability"];

        Assert.Contains("ask LivePerson's account team to enable Messaging Current Queue Health", unknown.ExpectedWaitUnknownReason, StringComparison.Ordinal);
        Assert.Single(logs.GetSnapshot(), record => record.Id.Id == 20);
        Assert.True(handoff.IsAccepted);
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, health.Status); // the wait is extra
        Assert.Contains("Expected wait: the queue health is unknown: the queue health feed is not enabled on the account (HTTP 404)", health.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401, "not enabled on the account (HTTP 401)")]
    [InlineData(403, "not enabled on the account (HTTP 403)")]
    [InlineData(404, "not enabled on the account (HTTP 404)")]
    [InlineData(429, "answered HTTP 429")]
    [InlineData(500, "answered HTTP 500")]
    [InlineData(0, "did not answer within 10 s")]
    public async Task Whatever_the_queue_health_answers_the_wait_is_unknown_and_the_handoff_goes_ahead(int status, string why)
    {
        AccountApis.SetQueueHealth(Billing, TimeSpan.FromMinutes(5));
        if (status == 0)
        {
            AccountApis.Delay(AccountApi.QueueHealth, TimeSpan.FromMinutes(5)); // no answer within the timeout
        }
        else
        {
            AccountApis.Fail(AccountApi.QueueHealth, status);
        }

        await using var provider = Provider();
        var snapshot = provider.GetRequiredService<ISkillAvailabilitySnapshot>();
        await snapshot.GetAsync(Billing); // the first snapshot: shift and agents; the wait is fetched beside it
        if (status == 0)
        {
            await Eventually.UntilAsync(() => Task.FromResult(AccountApis.CallsTo(AccountApi.QueueHealth)), calls => calls == 1);
            Time.Advance(TimeSpan.FromSeconds(10)); // the timeout, on the fake clock
        }

        var unknown = await Eventually.UntilAsync(() => snapshot.GetAsync(Billing).AsTask(), a => a.ExpectedWaitUnknownReason?.Contains(why, StringComparison.Ordinal) == true);
        var handoff = await provider.GetRequiredService<AgentHandoff>().HandOffAsync(
            new InMemoryBotContext("lp_web") { ConversationId = "conv-" + status },
            new AgentHandoffRequest { TransferMessage = "Transferring you.", TransferMessageWithWait = "About {minutes} minute(s).", AgentSkillName = "billing" });

        Assert.Null(unknown.ExpectedWait);
        Assert.True(handoff.IsAccepted);
        Assert.Equal("Transferring you.", Assert.Single(Escalations.Escalations).Message);
    }

    [Fact]
    public async Task A_429_waits_as_its_retry_after_says_and_refreshes_never_pile_up()
    {
        AccountApis.SetQueueHealth(Billing, TimeSpan.FromSeconds(30));
        AccountApis.Fail(AccountApi.QueueHealth, 429, times: 1, retryAfter: TimeSpan.FromSeconds(120));
        await using var provider = Provider(o => o.QueueHealth.RefreshInterval = TimeSpan.FromSeconds(10));
        var snapshot = provider.GetRequiredService<ISkillAvailabilitySnapshot>();
        await Eventually.UntilAsync(() => snapshot.GetAsync(Billing).AsTask(), a => a.ExpectedWaitUnknownReason?.Contains("429", StringComparison.Ordinal) == true);

        for (var second = 0; second < 110; second += 10)
        {
            Time.Advance(TimeSpan.FromSeconds(10));
        }

        var during = AccountApis.CallsTo(AccountApi.QueueHealth);
        Time.Advance(TimeSpan.FromSeconds(10)); // 120 s after the 429
        var after = await Eventually.UntilAsync(() => snapshot.GetAsync(Billing).AsTask(), a => a.ExpectedWait is not null);

        Assert.Equal(1, during); // nothing in the 120 s LivePerson asked for
        Assert.Equal(TimeSpan.FromSeconds(30), after.ExpectedWait);
        Assert.Equal(2, AccountApis.CallsTo(AccountApi.QueueHealth));
    }

    [Fact]
    public async Task A_hundred_escalations_over_ten_skills_cost_no_queue_health_call_beyond_the_background_refresh()
    {
        var skills = Enumerable.Range(1, 10).Select(i => (Name: "skill-" + i, Id: (500000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        foreach (var (_, id) in skills)
        {
            AccountApis.SetShift(id, onShift: true);
            AccountApis.SetAgents(id, online: 1);
            AccountApis.SetQueueHealth(id, TimeSpan.FromSeconds(60));
        }

        await using var provider = Provider(escalation: o =>
        {
            foreach (var (name, id) in skills)
            {
                o.Skills[name] = id;
            }
        });
        var snapshot = provider.GetRequiredService<ISkillAvailabilitySnapshot>();
        await Eventually.UntilAsync(() => snapshot.GetAsync(skills[0].Id).AsTask(), a => a.ExpectedWait is not null);
        var handoff = provider.GetRequiredService<AgentHandoff>();

        for (var i = 0; i < 100; i++)
        {
            var result = await handoff.HandOffAsync(
                new InMemoryBotContext("lp_web") { ConversationId = "conv-" + i },
                new AgentHandoffRequest { TransferMessage = "Transferring you.", AgentSkillName = skills[i % 10].Name });
            Assert.True(result.IsAccepted);
        }

        Assert.Equal(1, AccountApis.CallsTo(AccountApi.QueueHealth));
        Assert.Equal(100, Escalations.Escalations.Count);
    }

    [Fact]
    public async Task Off_by_default_nothing_is_asked_and_the_wait_says_why()
    {
        AccountApis.SetQueueHealth(Billing, TimeSpan.FromSeconds(30));
        await using var provider = Provider(o => o.QueueHealth.Enabled = false);
        var snapshot = provider.GetRequiredService<ISkillAvailabilitySnapshot>();

        var billing = await snapshot.GetAsync(Billing);

        Assert.Null(billing.ExpectedWait);
        Assert.Equal("queue health is off (Availability:QueueHealth:Enabled)", billing.ExpectedWaitUnknownReason);
        Assert.Equal(0, AccountApis.CallsTo(AccountApi.QueueHealth));
    }

    private ServiceProvider Provider(Action<SkillAvailabilityOptions>? configure = null, Action<EscalationOptions>? escalation = null)
    {
        var services = QueueHealthServices(configure, escalation);
        services.AddFakeLogging();
        services.AddHealthChecks().AddSkillAvailability();
        return services.BuildServiceProvider();
    }

    private static int QueueRefreshes(MetricCollector<long> refreshes) =>
        refreshes.GetMeasurementSnapshot().Count(m => m.Tags["liveperson.availability.data"] is "queue_health");

}
