using System.Diagnostics.Metrics;
using LivePersonEscalation.DuplicateGuard;
using Microsoft.Extensions.Logging;

namespace LivePersonEscalation.Internal;

/// <summary>
/// What every client of one registration shares, built once: the validated settings, the clock, the retry policy,
/// the duplicate guard and the telemetry. Typed clients are transient; this is a singleton. Disposing it (the host
/// stopping) waits, within a bound, for escalations in flight to settle and for the guard's writes to its shared store.
/// </summary>
internal sealed class EscalationRuntime : IAsyncDisposable, IDisposable
{
    private readonly InFlightCounter _inFlight = new();

    private volatile SettingsGeneration _current;

    public EscalationRuntime(EscalationSettings settings, TimeProvider timeProvider, IMeterFactory? meterFactory = null, ILoggerFactory? loggerFactory = null, IDuplicateGuardStore? sharedGuardStore = null)
    {
        TimeProvider = timeProvider;
        Telemetry = new EscalationTelemetry(settings.Telemetry, meterFactory, loggerFactory);
        _current = new SettingsGeneration(settings, new EscalationRetryPolicy(settings.Retry, timeProvider, Telemetry));
        if (settings.DuplicateGuard is { } guard)
        {
            // The instance's tier serves this registration alone, so its keys need no namespace: the conversation id
            // itself is the key. A shared store's keys carry the account's prefix.
            DuplicateGuard = new ConversationGuard(guard, sharedGuardStore, Telemetry, timeProvider);
        }
    }

    /// <summary>
    /// The settings and retry policy the next escalation uses, as one value: replaced, whole, when the options are
    /// reloaded. A call reads it once, at its start, and uses that generation for everything it sends.
    /// </summary>
    public SettingsGeneration Current => _current;

    /// <summary>The current generation's settings (for what is not one call: start-up, stopping, health).</summary>
    public EscalationSettings Settings => _current.Settings;

    public TimeProvider TimeProvider { get; }

    /// <summary>Where the options are watched for reloads (bound from configuration); disposed with the runtime.</summary>
    public IDisposable? ReloadSubscription { get; set; }

    public EscalationTelemetry Telemetry { get; }

    private readonly object _probeGate = new();
    private Task<bool>? _hostResends;

    /// <summary>Whether the host's handlers re-send a POST, probed once (one probe, whoever asks first) and kept.</summary>
    public Task<bool> HostResendsAsync(Func<Task<bool>> probe)
    {
        lock (_probeGate)
        {
            return _hostResends ??= probe();
        }
    }

    /// <summary>Null when the guard is turned off.</summary>
    public ConversationGuard? DuplicateGuard { get; }

    /// <summary>Escalations of this registration that are under way.</summary>
    public InFlightCounter InFlight => _inFlight;

    /// <summary>
    /// How long stopping waits for escalations in flight and then for the guard's shared-store writes: an attempt's
    /// timeout plus twice the store's operation timeout.
    /// </summary>
    public TimeSpan DrainBound => Settings.Timeout + (Settings.DuplicateGuard is { } guard ? guard.StoreTimeout + guard.StoreTimeout : TimeSpan.Zero);

    /// <summary>
    /// Takes reloaded, validated settings for the next escalations: target, key, skills, timeout, retry, fallback and
    /// telemetry. The duplicate guard keeps its state and its settings (window, capacity, store, key prefix) from the
    /// start, and so does skill availability: those apply at start only.
    /// </summary>
    public void Reload(EscalationSettings settings)
    {
        Telemetry.Settings = settings.Telemetry;
        _current = new SettingsGeneration(settings, new EscalationRetryPolicy(settings.Retry, TimeProvider, Telemetry));
    }

    /// <summary>A synchronous stop waits for nothing: hosts stop asynchronously, and only that drains.</summary>
    public void Dispose() => ReloadSubscription?.Dispose();

    public async ValueTask DisposeAsync()
    {
        ReloadSubscription?.Dispose();
        var started = TimeProvider.GetTimestamp();
        await _inFlight.WaitAsync(DrainBound, TimeProvider).ConfigureAwait(false);
        if (DuplicateGuard is { } guard)
        {
            var left = DrainBound - TimeProvider.GetElapsedTime(started);
            await guard.DrainAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, DrainBound).ConfigureAwait(false);
        }
    }
}
