namespace LivePersonEscalation;

/// <summary>The HTTP shape of an escalation: the POST, its headers, and the correlation id of the answer.</summary>
internal static class EscalationHttpRequest
{
    private const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>Correlation headers a service may answer with, in order of preference.</summary>
    private static readonly string[] RequestIdHeaders = ["X-Request-Id", "X-Correlation-Id", "Request-Id"];

    private static readonly string UserAgent = "LivePersonEscalation/" + LibraryVersion.Value;

    public static HttpRequestMessage Create(EscalationSettings settings, byte[] payload)
    {
        var content = new ByteArrayContent(payload);
        content.Headers.TryAddWithoutValidation("Content-Type", JsonContentType);

        var request = new HttpRequestMessage(HttpMethod.Post, settings.Endpoint) { Content = content };

        // LivePerson documents the raw key as the header value, with no scheme, so it cannot go through
        // AuthenticationHeaderValue. The key was checked for control characters when the options were validated.
        request.Headers.TryAddWithoutValidation("Authorization", settings.ApiAccessKey);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        return request;
    }

    public static string? GetRequestId(HttpResponseMessage response)
    {
        foreach (var name in RequestIdHeaders)
        {
            // The raw values, not parsed ones: parsing every header of the answer costs on every call.
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
