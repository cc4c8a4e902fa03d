namespace LivePersonEscalation;

/// <summary>
/// What every client of one registration shares, built once: the validated settings, the clock, the retry policy
/// and the duplicate guard. Typed clients are transient; this is a singleton.
/// </summary>
internal sealed class EscalationRuntime
{
    public EscalationRuntime(EscalationSettings settings, TimeProvider timeProvider)
    {
        Settings = settings;
        TimeProvider = timeProvider;
        Retry = new EscalationRetryPolicy(settings, timeProvider);
        DuplicateGuard = settings.DuplicateGuardEnabled
            ? new DuplicateEscalationGuard(settings.DuplicateWindow, settings.MaxTrackedConversations, timeProvider)
            : null;
    }

    public EscalationSettings Settings { get; }

    public TimeProvider TimeProvider { get; }

    public EscalationRetryPolicy Retry { get; }

    /// <summary>Null when the guard is turned off.</summary>
    public DuplicateEscalationGuard? DuplicateGuard { get; }
}
