namespace LivePersonEscalation.DuplicateGuard;

/// <summary>
/// The state of one conversation in the duplicate guard. A conversation that is in none of them (never escalated,
/// provably not accepted, or past the window) has no entry: the next call sends.
/// </summary>
public enum DuplicateGuardState
{
    /// <summary>One call claimed the conversation and is sending; repeats wait for its outcome.</summary>
    InFlight = 0,

    /// <summary>LivePerson answered 2xx; repeats within the window get this answer, marked deduplicated.</summary>
    Accepted = 1,

    /// <summary>
    /// The request may have reached LivePerson and no answer arrived; repeats within the window are refused (see
    /// <see cref="DuplicateGuardOptions.WhenOutcomeUnknown"/>).
    /// </summary>
    Unknown = 2,

    /// <summary>
    /// LivePerson provably did not accept it (a refusal such as 400 or 503). Never stored: a store hands it to the
    /// callers waiting on the claim at that moment (they share the refusal instead of each sending again), and
    /// forgets the conversation, so the next call sends.
    /// </summary>
    NotAccepted = 3,

    /// <summary>
    /// LivePerson accepted the escalation and the transfer itself failed (reported with
    /// <see cref="IEscalationClient.ReportTransferFailureAsync"/>): the next escalation of the conversation is sent,
    /// to the fallback skill or to any other. Kept for the rest of the window, so a store that lost the entry is told
    /// apart from one that was told the transfer failed.
    /// </summary>
    TransferFailed = 4,

    /// <summary>
    /// The library gave up on the conversation (<see cref="EscalationFallbackOptions.MaxTransferFailures"/> failed
    /// transfers, or a failed skill without a fallback): nothing is sent for it within <see cref="EscalationFallbackOptions.Window"/>.
    /// Returned by a claim, from the conversation's <see cref="TransferFailureRecord"/>; never stored as an entry.
    /// </summary>
    GivenUp = 5,
}
