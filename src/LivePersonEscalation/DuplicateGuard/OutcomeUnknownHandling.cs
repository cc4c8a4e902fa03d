namespace LivePersonEscalation;

/// <summary>What a repeat of an escalation whose outcome is unknown gets, within the duplicate-guard window.</summary>
public enum OutcomeUnknownHandling
{
    /// <summary>
    /// The default: the repeat is refused with the earlier <see cref="EscalationException"/> (marked
    /// <see cref="EscalationException.IsDeduplicated"/>), and nothing is sent. Safe, because LivePerson documents no
    /// idempotency: if the first request was accepted, a second transfers the conversation twice; if it was not, or
    /// the transfer fails later, LivePerson tells the bot with <see cref="LivePersonSignals.EscalationFailed"/>.
    /// </summary>
    RefuseRepeats = 0,

    /// <summary>The conversation is forgotten at once, like one provably not accepted: the next call sends again.</summary>
    AllowRepeats = 1,
}
