namespace LivePersonEscalation;

/// <summary>How a transfer message reaches the user.</summary>
public enum TransferMessageMethod
{
    /// <summary>
    /// Sent to the user straight away, because the channel is the Conversation Builder preview (<c>web</c>),
    /// where the escalation's message would never be shown. The escalation then carries
    /// <see cref="EscalationRequest.BlankMessage"/>, so the user does not get it twice.
    /// </summary>
    SentToUser = 0,

    /// <summary>
    /// Stored in the <see cref="TransferMessage.VariableName"/> bot variable (for the session) and carried in the
    /// escalation body, which LivePerson guarantees is the last message the user sees before the transfer.
    /// </summary>
    StoredInVariable = 1,

    /// <summary>
    /// Not delivered: after a failed transfer the library gave up on the conversation (or the escalation to the
    /// fallback failed) on the preview channel, so the user was not told a transfer is coming.
    /// </summary>
    NotDelivered = 2,
}
