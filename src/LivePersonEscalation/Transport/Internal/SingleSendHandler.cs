namespace LivePersonEscalation.Internal;

/// <summary>
/// The innermost handler of the escalation client, directly above the transport, below every handler a host chains
/// (and the factory's loggers). It adds the API key here, so no outer handler or logger ever sees it, and lets each
/// attempt reach the transport once: a chained retry, hedging or timeout handler that sends it again is refused with
/// an error that names the fix.
/// </summary>
internal sealed class SingleSendHandler : DelegatingHandler
{
    public SingleSendHandler(HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (AttemptTicket.Of(request) is not { } ticket)
        {
            // Not an escalation attempt (a host reusing the named client): pass it through untouched.
            return base.SendAsync(request, cancellationToken);
        }

        if (!ticket.TryTakeSend())
        {
            return Task.FromException<HttpResponseMessage>(new RepeatedSendException());
        }

        request.Headers.Remove("Authorization");
        // LivePerson documents the raw key as the header value, with no scheme, so it cannot go through
        // AuthenticationHeaderValue. The key was checked for control characters when the options were validated.
        request.Headers.TryAddWithoutValidation("Authorization", ticket.ApiAccessKey);
        return base.SendAsync(request, cancellationToken);
    }
}
