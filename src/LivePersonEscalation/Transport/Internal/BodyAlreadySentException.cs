namespace LivePersonEscalation.Internal;

/// <summary>Thrown by <see cref="SingleUseContent"/> when an HTTP handler writes an escalation body a second time.</summary>
internal sealed class BodyAlreadySentException : InvalidOperationException
{
    public BodyAlreadySentException()
        : base("The escalation body was already sent once; an HTTP handler tried to send it again (for example to follow a redirect). Escalations are never redirected: check EscalationOptions.Endpoint or Region.")
    {
    }
}
