namespace LivePersonEscalation.Internal;

/// <summary>
/// Thrown by <see cref="SingleSendHandler"/> at a handler that sends an escalation attempt a second time. Not an
/// <see cref="HttpRequestException"/>, so retry handlers do not treat it as transient and try yet again.
/// </summary>
internal sealed class RepeatedSendException : InvalidOperationException
{
    public RepeatedSendException()
        : base("A message handler chained on the LivePerson escalation client tried to send one escalation attempt a second time " +
            "(for example the retry or hedging of AddStandardResilienceHandler()); an escalation is not idempotent, so the library refused. " +
            "Remove that handler from the escalation client, or call DisableForUnsafeHttpMethods() on its retry options.")
    {
    }
}
