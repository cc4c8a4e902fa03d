using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace LivePersonEscalation.Availability.Tests;

/// <summary>Availability's edges: the first caller's wait, disposal, a failed first fetch, redirects, leading zeros.</summary>
public sealed class AvailabilityEdgeTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
    private AccountApiEmulator _accountApis = null!;
    private ArmedDelays _emulatorClock = null!;

    public async Task InitializeAsync()
    {
        _emulatorClock = new ArmedDelays(_time);
        _accountApis = await AccountApiEmulator.StartAsync(new AccountApiEmulatorOptions { TimeProvider = _emulatorClock });
        _accountApis.SetAgents("123456", online: 2);
    }

    public async Task DisposeAsync() => await _accountApis.DisposeAsync();

    private ServiceProvider Provider(Action<SkillAvailabilityOptions>? configure = null, Action<IServiceCollection>? more = null, Action<EscalationOptions>? escalation = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddLivePersonEscalation(o =>
        {
            o.Endpoint = new Uri("http://127.0.0.1:9/botservice-0.1/botcentral/livePersonAgent");
            o.ApiAccessKey = "key";
            o.Skills["billing"] = "123456";
            escalation?.Invoke(o);
        }).AddSkillAvailability(o =>
        {
            _accountApis.Configure(o);
            configure?.Invoke(o);
        });
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task A_first_caller_waits_for_the_first_fetch_at_most_the_timeout_while_it_goes_on()
    {
        // Each lookup answers within the timeout, but the lookups, the token and the calls together take longer.
        _accountApis.Delay(AccountApi.Domain, TimeSpan.FromSeconds(6));
        await using var provider = Provider();
        var availability = provider.GetRequiredService<ISkillAvailabilitySnapshot>();

        var first = availability.GetAsync("123456").AsTask();
        var lookup = TimeSpan.FromSeconds(6);
        await WaitForAsync(() => _emulatorClock.Armed(lookup) == 2); // shiftstatus and agentManagerWorkspace, each delayed
        _time.Advance(lookup);
        await WaitForAsync(() => _emulatorClock.Armed(lookup) == 3); // then sentinel, for the token
        Assert.False(first.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(4)); // 10 s: the caller's bound, while the sentinel lookup has 2 s to go

        var answer = await first.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Null(answer.OnShift);
        Assert.Contains("not fetched yet", answer.UnknownReason, StringComparison.Ordinal);

        _accountApis.Heal();
        _time.Advance(TimeSpan.FromSeconds(2));
        await WaitForAsync(async () => (await availability.GetAsync("123456")).IsKnown); // the fetch went on and landed
    }

    [Fact]
    public async Task A_failed_first_fetch_is_tried_again_after_30_seconds_not_a_whole_interval()
    {
        _accountApis.Fail(AccountApi.SkillAvailability, 500, times: 1);
        await using var provider = Provider(o => o.AgentsRefreshInterval = TimeSpan.FromMinutes(10));
        var availability = provider.GetRequiredService<ISkillAvailabilitySnapshot>();
        Assert.Null((await availability.GetAsync("123456")).OnlineAgents);

        _time.Advance(TimeSpan.FromSeconds(30));

        await WaitForAsync(async () => (await availability.GetAsync("123456")).OnlineAgents == 2);
        Assert.Equal(2, _accountApis.CallsTo(AccountApi.SkillAvailability));
    }

    [Fact]
    public async Task After_disposal_nothing_refreshes_and_a_call_says_it_was_disposed()
    {
        var timers = new TimerRecordingTimeProvider(_time);
        var provider = Provider(more: services => services.AddSingleton<TimeProvider>(timers)); // the last clock registered wins
        var availability = provider.GetRequiredService<ISkillAvailabilitySnapshot>();
        Assert.True((await availability.GetAsync("123456")).IsKnown);
        Assert.Equal(2, timers.Created); // periodic: the agents' and the shifts' refresh

        await provider.DisposeAsync();

        Assert.Equal(timers.Created, timers.Disposed); // nothing left to fire a refresh
        await Assert.ThrowsAsync<ObjectDisposedException>(() => availability.GetAsync("123456").AsTask());
    }

    [Fact]
    public async Task A_configured_id_with_leading_zeros_is_the_skill_the_api_names_without_them()
    {
        await using var provider = Provider(escalation: o => o.Skills["billing"] = "0123456");

        var answer = await provider.GetRequiredService<ISkillAvailabilitySnapshot>().GetAsync("0123456");

        Assert.Equal(2, answer.OnlineAgents);
    }

    [Fact]
    public async Task A_redirected_token_request_is_not_followed_so_the_secret_goes_nowhere_else()
    {
        var elsewhere = 0;
        await using var other = await LoopbackServer.StartAsync(context =>
        {
            Interlocked.Increment(ref elsewhere);
            return Task.CompletedTask;
        });
        await using var domain = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Path.Value!.EndsWith("baseURI.json", StringComparison.Ordinal))
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync($"{{\"baseURI\":\"{context.Request.Host}\"}}");
                return;
            }

            context.Response.StatusCode = 307;
            context.Response.Headers.Location = new Uri(other.BaseAddress, "steal").ToString();
        });
        await using var provider = Provider(o => o.DomainApi = domain.BaseAddress);

        var answer = await provider.GetRequiredService<ISkillAvailabilitySnapshot>().GetAsync("123456");

        Assert.Null(answer.OnShift);
        Assert.Contains("HTTP 307", answer.UnknownReason, StringComparison.Ordinal);
        Assert.Equal(0, elsewhere);
    }

    [Fact]
    public async Task The_health_check_starts_the_snapshot_and_reports_its_age_then_degraded_while_it_is_unknown()
    {
        await using var provider = Provider(more: services => services.AddHealthChecks().AddSkillAvailability());
        var health = provider.GetRequiredService<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService>();

        var first = (await health.CheckHealthAsync()).Entries["liveperson-escalation-availability"];
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, first.Status);
        Assert.Equal(1, _accountApis.CallsTo(AccountApi.SkillAvailability)); // the probe started it
        Assert.Equal(0L, first.Data["liveperson.availability.age_seconds"]);

        _accountApis.Fail(AccountApi.SkillAvailability, 500);
        _time.Advance(TimeSpan.FromMinutes(4)); // refreshes fail; the last good data is now too old
        var degraded = await EventuallyAsync(async () => (await health.CheckHealthAsync()).Entries["liveperson-escalation-availability"], e => e.Status == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded && e.Description!.Contains("HTTP 500", StringComparison.Ordinal));

        Assert.Contains("older than", degraded.Description, StringComparison.Ordinal);
        Assert.Equal(1, degraded.Data["liveperson.availability.unknown_skills"]);
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        T value;
        while (!done(value = await read()))
        {
            Assert.True(DateTime.UtcNow < deadline, "not reached within 20 s");
            await Task.Delay(10);
        }

        return value;
    }

    private static async Task WaitForAsync(Func<bool> condition) => await WaitForAsync(() => Task.FromResult(condition()));

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "not reached within 20 s");
            await Task.Delay(10);
        }
    }
}
