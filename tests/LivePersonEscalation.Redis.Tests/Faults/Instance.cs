using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace LivePersonEscalation.Redis.Tests.Faults;

/// <summary>One instance of a fleet, as a host has it: its own service provider, logs, metrics and health checks.</summary>
public sealed class Instance : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    /// <param name="emulator">The endpoint it escalates to.</param>
    /// <param name="redis">The configuration string of its Redis.</param>
    /// <param name="configure">Options beyond the endpoint and key.</param>
    /// <param name="clock">The instance's clock; by default the system's.</param>
    public Instance(EscalationEmulator emulator, string redis, Action<EscalationOptions>? configure = null, TimeProvider? clock = null)
    {
        var services = new ServiceCollection();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddLogging(logging => logging.AddFakeLogging());
        services.AddHealthChecks().AddRedisDuplicateGuard();
        services.AddLivePersonEscalation(o =>
        {
            o.Endpoint = emulator.Endpoint;
            o.ApiAccessKey = emulator.ApiAccessKey;
            configure?.Invoke(o);
        }).AddRedisDuplicateGuard(redis);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        // Listening before the client (and its guard) exist, so nothing they count is missed.
        var meters = _provider.GetRequiredService<IMeterFactory>();
        DataLoss = new MetricCollector<long>(meters, "LivePersonEscalation", "liveperson.escalation.guard_data_loss");
        GuardUnavailable = new MetricCollector<long>(meters, "LivePersonEscalation", "liveperson.escalation.guard_unavailable");
        Client = _provider.GetRequiredService<IEscalationClient>();
    }

    /// <summary>The metric of signs that Redis lost (or can evict) the guard's keys.</summary>
    public MetricCollector<long> DataLoss { get; }

    /// <summary>The metric of guard steps whose store could not be reached.</summary>
    public MetricCollector<long> GuardUnavailable { get; }

    public IEscalationClient Client { get; }

    public IReadOnlyList<FakeLogRecord> Logs => _provider.GetFakeLogCollector().GetSnapshot();

    public async Task<HealthReport> CheckHealthAsync() => await _provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

    /// <summary>Escalates <paramref name="conversationId"/>, bounded: no test waits out a claim's expiry.</summary>
    public async Task<(EscalationResult? Result, Exception? Error, TimeSpan Took)> EscalateAsync(string conversationId, TimeSpan? bound = null)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var result = await Client.EscalateAsync(TestRequests.For(conversationId)).WaitAsync(bound ?? TimeSpan.FromSeconds(20));
            return (result, null, stopwatch.Elapsed);
        }
        catch (EscalationException ex)
        {
            return (null, ex, stopwatch.Elapsed);
        }
    }

    /// <summary>Waits (bounded) until a log event with <paramref name="eventId"/> is written.</summary>
    public async Task<FakeLogRecord?> WaitForLogAsync(int eventId, TimeSpan bound)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < bound)
        {
            if (Logs.FirstOrDefault(l => l.Id.Id == eventId) is { } found)
            {
                return found;
            }

            await Task.Delay(20);
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        DataLoss.Dispose();
        GuardUnavailable.Dispose();
    }
}
