namespace LivePersonEscalation.ConsoleSample;

/// <summary>The sample's exit codes.</summary>
internal static class ExitCode
{
    /// <summary>LivePerson (or the emulator) accepted the escalation.</summary>
    public const int Escalated = 0;

    /// <summary>The escalation failed: LivePerson refused it, or the transport failed.</summary>
    public const int Failed = 1;

    /// <summary>Invalid input or configuration: nothing was sent.</summary>
    public const int InvalidInput = 2;

    /// <summary>The <c>emulator</c> command stopped when asked to.</summary>
    public const int Stopped = 0;
}
