namespace LivePersonEscalation.Internal;

/// <summary>The transport the library uses unless the host configures its own: it never follows redirects.</summary>
internal static class PrimaryHandler
{
    /// <summary>
    /// One shared, long-lived pipeline for clients built without dependency injection and without an
    /// <see cref="HttpClient"/> of their own, as .NET's guidance for a static client has it; connections are
    /// recycled every few minutes so DNS changes are seen.
    /// </summary>
    public static HttpMessageHandler Shared { get; } = new SingleSendHandler(Create());

    public static HttpMessageHandler Create() =>
#if NET
        new SocketsHttpHandler
        {
            // A redirected escalation is a misconfigured endpoint, not something to follow with the key attached.
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
#else
        new HttpClientHandler { AllowAutoRedirect = false };
#endif

    /// <summary>
    /// Turns redirects off on a primary handler a host configured, when it is one of .NET's and still can be changed;
    /// a redirect the handler follows anyway is still detected on the response and never reported accepted.
    /// </summary>
    public static void NeverFollowRedirects(HttpMessageHandler handler)
    {
        try
        {
            switch (handler)
            {
#if NET
                case SocketsHttpHandler sockets when sockets.AllowAutoRedirect:
                    sockets.AllowAutoRedirect = false;
                    break;
#endif
                case HttpClientHandler client when client.AllowAutoRedirect:
                    client.AllowAutoRedirect = false;
                    break;
            }
        }
        catch (InvalidOperationException)
        {
            // The handler already sent requests (a host sharing one instance): its settings are frozen.
        }
    }
}
