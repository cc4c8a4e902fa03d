using Microsoft.Extensions.DependencyInjection;

namespace LivePersonEscalation.Redis.Tests;

/// <summary>Escalation clients as separate instances of a fleet would have them: one service provider each, one Redis.</summary>
public sealed class Instances : IAsyncDisposable
{
    private readonly List<ServiceProvider> _providers = [];
    private readonly List<Microsoft.Extensions.Diagnostics.Metrics.Testing.MetricCollector<long>> _unavailable = [];

    /// <summary>How many guard steps of every instance found the store unavailable (the metric, per instance's meter factory).</summary>
    public int GuardUnavailableCount => _unavailable.Sum(c => c.GetMeasurementSnapshot().Count);

    public IEscalationClient Start(EscalationEmulator emulator, string redis, Action<EscalationOptions>? configure = null) =>
        Start(emulator, builder => builder.AddRedisDuplicateGuard(redis), configure);

    /// <summary>An instance on a Redis connection the host (the test) owns, as a host with its own cache connection would.</summary>
    public IEscalationClient Start(EscalationEmulator emulator, StackExchange.Redis.IConnectionMultiplexer redis) =>
        Start(emulator, builder => builder.AddRedisDuplicateGuard(_ => redis));

    private IEscalationClient Start(EscalationEmulator emulator, Action<ILivePersonEscalationBuilder> guard, Action<EscalationOptions>? configure = null)
    {
        var services = new ServiceCollection();
        guard(services.AddLivePersonEscalation(o =>
        {
            o.Endpoint = emulator.Endpoint;
            o.ApiAccessKey = emulator.ApiAccessKey;
            configure?.Invoke(o);
        }));
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        _providers.Add(provider);
        _unavailable.Add(new(provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "LivePersonEscalation", "liveperson.escalation.guard_unavailable"));
        return provider.GetRequiredService<IEscalationClient>();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        foreach (var collector in _unavailable)
        {
            collector.Dispose();
        }
    }
}
