namespace LivePersonEscalation;

/// <summary>
/// What is known of whether LivePerson accepted an escalation, when a call ended without an
/// <see cref="EscalationResult"/> (see <see cref="EscalationCanceledException.Outcome"/>).
/// </summary>
public enum EscalationOutcome
{
    /// <summary>
    /// LivePerson provably did not accept it: nothing was sent, no connection could be made, or it answered with a
    /// refusal (429, 503, another 4xx). Escalating the conversation again is safe.
    /// </summary>
    NotAccepted = 0,

    /// <summary>
    /// The request may have reached LivePerson and no answer arrived: it may or may not have been accepted. Do not
    /// escalate the conversation again before checking it; a failed transfer reaches the bot as
    /// <see cref="TransferFailureReport.EscalationFailedSignal"/>.
    /// </summary>
    Unknown = 1,

    /// <summary>LivePerson answered with a 2xx status: it accepted the escalation.</summary>
    Accepted = 2,
}
