namespace LivePersonEscalation.Internal;

/// <summary>What an escalation does when the duplicate guard's shared store (Redis) cannot be reached in time.</summary>
internal enum StoreUnavailableHandling
{
    /// <summary>
    /// The default (fail-open): the escalation goes out, still guarded by this instance's own tier (a repeat on this
    /// instance is answered from it), with a warning log, the metric <c>liveperson.escalation.guard_unavailable</c>
    /// and the trace tag <c>liveperson.guard.unavailable</c>; its outcome is written to the store as soon as it
    /// answers again, so repeats on other instances are answered from it then. A user who asked for an agent must
    /// reach one; a duplicate is possible only from another instance while the store cannot be reached.
    /// </summary>
    SendUnguarded = 0,

    /// <summary>
    /// Fail-closed: the escalation is refused with <c>EscalationFailureKind.GuardUnavailable</c> and nothing
    /// is sent, for hosts where a duplicate transfer is worse than none.
    /// </summary>
    Refuse = 1,
}
