namespace LivePersonEscalation.Internal;

/// <summary>The HTTP shape of an escalation attempt: the POST and its headers, and the correlation id of the answer.</summary>
internal static class EscalationHttpRequest
{
    /// <summary>Correlation headers a service may answer with, in order of preference.</summary>
    private static readonly string[] RequestIdHeaders = ["X-Request-Id", "X-Correlation-Id", "Request-Id"];

    private static readonly string UserAgent = "LivePersonEscalation/" + LibraryVersion.Value;

    /// <summary>
    /// The POST of one attempt, carrying <paramref name="ticket"/>. The key goes in the <c>Authorization</c> header
    /// here only when the client's pipeline has no <see cref="SingleSendHandler"/> to add it innermost.
    /// </summary>
    public static HttpRequestMessage Create(Uri endpoint, byte[] payload, AttemptTicket ticket, bool addKeyHere)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new SingleUseContent(payload) };
        ticket.AttachTo(request);
        if (addKeyHere)
        {
            request.Headers.TryAddWithoutValidation("Authorization", ticket.ApiAccessKey);
        }

        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        return request;
    }

    public static string? GetRequestId(HttpResponseMessage response)
    {
        foreach (var name in RequestIdHeaders)
        {
#if NET
            if (response.Headers.NonValidated.TryGetValues(name, out var values))
#else
            if (response.Headers.TryGetValues(name, out var values))
#endif
            {
                foreach (var value in values)
                {
                    if (!string.IsNullOrWhiteSpace(value))
                    {
                        return value;
                    }
                }
            }
        }

        return null;
    }
}
