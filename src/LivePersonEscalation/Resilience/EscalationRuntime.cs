using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace LivePersonEscalation;

/// <summary>
/// What every client of one registration shares, built once: the validated settings, the clock, the retry policy,
/// the duplicate guard and the telemetry. Typed clients are transient; this is a singleton.
/// </summary>
internal sealed class EscalationRuntime
{
    public EscalationRuntime(EscalationSettings settings, TimeProvider timeProvider, IMeterFactory? meterFactory = null, ILoggerFactory? loggerFactory = null)
    {
        Settings = settings;
        TimeProvider = timeProvider;
        Telemetry = new EscalationTelemetry(settings, meterFactory, loggerFactory);
        Retry = new EscalationRetryPolicy(settings, timeProvider, Telemetry);
        DuplicateGuard = settings.DuplicateGuardEnabled
            ? new DuplicateEscalationGuard(settings.DuplicateWindow, settings.MaxTrackedConversations, timeProvider)
            : null;
    }

    public EscalationSettings Settings { get; }

    public TimeProvider TimeProvider { get; }

    public EscalationRetryPolicy Retry { get; }

    public EscalationTelemetry Telemetry { get; }

    /// <summary>Null when the guard is turned off.</summary>
    public DuplicateEscalationGuard? DuplicateGuard { get; }
}
