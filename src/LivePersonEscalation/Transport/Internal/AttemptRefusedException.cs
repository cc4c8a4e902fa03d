namespace LivePersonEscalation.Internal;

/// <summary>
/// Thrown where the library refuses to let an attempt reach LivePerson a second time: at a handler that sends it again
/// (<see cref="SingleSendHandler"/>), or at one that writes its body again to follow a redirect
/// (<see cref="SingleUseContent"/>). Not an <see cref="HttpRequestException"/>, so retry handlers do not treat it as
/// transient and try yet again.
/// </summary>
internal sealed class AttemptRefusedException : InvalidOperationException
{
    private AttemptRefusedException(bool isBodyResend, string message)
        : base(message)
    {
        IsBodyResend = isBodyResend;
    }

    /// <summary>True when the body was to be written again (a redirect followed); false when the whole attempt was sent again.</summary>
    public bool IsBodyResend { get; }

    public static AttemptRefusedException RepeatedSend() => new(
        isBodyResend: false,
        "A message handler chained on the LivePerson escalation client tried to send one escalation attempt a second time " +
        "(for example the retry or hedging of AddStandardResilienceHandler()); an escalation is not idempotent, so the library refused. " +
        "Remove that handler from the escalation client, or call DisableForUnsafeHttpMethods() on its retry options.");

    public static AttemptRefusedException BodyResend() => new(
        isBodyResend: true,
        "The escalation body was already sent once; an HTTP handler tried to send it again (for example to follow a redirect). Escalations are never redirected: check EscalationOptions.Endpoint or Region.");
}
