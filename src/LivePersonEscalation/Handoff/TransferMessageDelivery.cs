namespace LivePersonEscalation;

/// <summary>What <see cref="TransferMessage.DeliverAsync"/> did with a transfer message.</summary>
/// <param name="Channel">The conversation's channel, which decided the method.</param>
/// <param name="Method">Sent to the user now, or stored for the escalation body.</param>
/// <param name="Text">The transfer message text.</param>
/// <param name="EscalationMessage">
/// The value the escalation body's <c>message</c> must carry: <see cref="EscalationRequest.BlankMessage"/> after a
/// direct send, the text otherwise.
/// </param>
public sealed record TransferMessageDelivery(BotChannel Channel, TransferMessageMethod Method, string Text, string EscalationMessage)
{
    /// <summary>True when the user has already seen the message (it was sent directly on the preview channel).</summary>
    public bool UserAlreadyTold => Method == TransferMessageMethod.SentToUser;
}
