namespace LivePersonEscalation;

/// <summary>
/// How the duplicate guard lets a call through: answered at once from a recent accepted escalation
/// (<see cref="Answer"/>), joined to the one in flight (<see cref="Joined"/>), or sent by this call
/// (<see cref="MustReport"/> when the guard awaits its outcome).
/// </summary>
internal readonly struct GuardEntry
{
    private GuardEntry(EscalationResult? answer, Task<EscalationResult>? joined, bool mustReport)
    {
        Answer = answer;
        Joined = joined;
        MustReport = mustReport;
    }

    public EscalationResult? Answer { get; }

    public Task<EscalationResult>? Joined { get; }

    /// <summary>This call sends, and must report its outcome to the guard (Complete or Abandon).</summary>
    public bool MustReport { get; }

    public static GuardEntry Answered(EscalationResult answer) => new(answer, null, mustReport: false);

    public static GuardEntry Join(Task<EscalationResult> joined) => new(null, joined, mustReport: false);

    public static GuardEntry Send(bool guarded) => new(null, null, guarded);
}
