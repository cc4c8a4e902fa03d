namespace LivePersonEscalation;

/// <summary>The transport the registered client uses unless the host configures its own.</summary>
internal static class PrimaryHandler
{
    public static HttpMessageHandler Create() =>
#if NET
        new SocketsHttpHandler
        {
            // A redirected escalation is a misconfigured endpoint, not something to follow with the key attached.
            AllowAutoRedirect = false,
        };
#else
        new HttpClientHandler { AllowAutoRedirect = false };
#endif
}
