namespace LivePersonEscalation.Internal;

/// <summary>What a repeat of an escalation whose outcome is unknown gets, within the duplicate-guard window.</summary>
internal enum OutcomeUnknownHandling
{
    /// <summary>
    /// The default: the repeat is refused with the earlier <c>EscalationException</c> (marked
    /// <c>EscalationException.IsDeduplicated</c>), and nothing is sent. Safe, because LivePerson documents no
    /// idempotency: if the first request was accepted, a second transfers the conversation twice; if it was not, or
    /// the transfer fails later, LivePerson tells the bot with <c>TransferFailureReport.EscalationFailedSignal</c>.
    /// </summary>
    RefuseRepeats = 0,

    /// <summary>The conversation is forgotten at once, like one provably not accepted: the next call sends again.</summary>
    AllowRepeats = 1,
}
