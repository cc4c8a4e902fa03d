using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace LivePersonEscalation.Internal;

/// <summary>
/// What every client of one registration shares, built once: the validated settings, the clock, the retry policy,
/// the duplicate guard and the telemetry. Typed clients are transient; this is a singleton.
/// </summary>
internal sealed class EscalationRuntime
{
    public EscalationRuntime(EscalationSettings settings, TimeProvider timeProvider, IMeterFactory? meterFactory = null, ILoggerFactory? loggerFactory = null, IDuplicateGuardStore? guardStore = null)
    {
        Settings = settings;
        TimeProvider = timeProvider;
        Telemetry = new EscalationTelemetry(settings.Telemetry, meterFactory, loggerFactory);
        Retry = new EscalationRetryPolicy(settings.Retry, timeProvider, Telemetry);
        if (settings.DuplicateGuard is { } guard)
        {
            // The in-process store serves this registration alone, so its keys need no namespace: the conversation id
            // itself is the key, and costs nothing to build.
            GuardStore = guardStore ?? new InMemoryDuplicateGuardStore(guard.MaxConversations, guard.MaxMemoryBytes, timeProvider);
            DuplicateGuard = new ConversationGuard(GuardStore, guardStore is null ? guard with { KeyPrefix = string.Empty } : guard, Telemetry);
        }
    }

    public EscalationSettings Settings { get; }

    public TimeProvider TimeProvider { get; }

    public EscalationRetryPolicy Retry { get; }

    public EscalationTelemetry Telemetry { get; }

    /// <summary>Null when the guard is turned off.</summary>
    public ConversationGuard? DuplicateGuard { get; }

    /// <summary>Where the guard keeps its entries; null when the guard is turned off.</summary>
    public IDuplicateGuardStore? GuardStore { get; }
}
