using Microsoft.Extensions.Http;

namespace LivePersonEscalation.Internal;

/// <summary>
/// The innermost handler of the escalation client, directly above the transport, below every handler a host chains
/// (and the factory's loggers). It adds the API key here, so no outer handler or logger ever sees it, and lets each
/// attempt reach the transport once: a chained retry, hedging or timeout handler that sends it again is refused with
/// an error that names the fix. It also makes the transport the library uses unless the host configures its own,
/// which never follows redirects.
/// </summary>
internal sealed class SingleSendHandler(HttpMessageHandler innerHandler) : DelegatingHandler(innerHandler)
{
    /// <summary>
    /// One shared, long-lived pipeline for clients built without dependency injection and without an
    /// <see cref="HttpClient"/> of their own, as .NET's guidance for a static client has it; connections are
    /// recycled every few minutes so DNS changes are seen.
    /// </summary>
    public static HttpMessageHandler Shared { get; } = new SingleSendHandler(CreatePrimary());

    /// <summary>The library's transport: .NET's own, with redirects off.</summary>
    public static HttpMessageHandler CreatePrimary() =>
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

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (PipelineProbe.IsProbe(request))
        {
            // Answered here, never sent: it only finds a host's handler that would send an escalation twice.
            return Task.FromResult(PipelineProbe.AnswerTo(request));
        }

        if (EscalationAttempt.Of(request) is not { } attempt)
        {
            // Not an escalation attempt (a host reusing the named client): pass it through untouched.
            return base.SendAsync(request, cancellationToken);
        }

        if (!attempt.TryTakeSend())
        {
            return Task.FromException<HttpResponseMessage>(AttemptRefusedException.RepeatedSend());
        }

        request.Headers.Remove("Authorization");
        // LivePerson documents the raw key as the header value, with no scheme, so it cannot go through
        // AuthenticationHeaderValue. The key was checked for control characters when the options were validated.
        request.Headers.TryAddWithoutValidation("Authorization", attempt.ApiAccessKey);
        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>
    /// Turns redirects off on a primary handler a host configured, when it is one of .NET's and still can be changed;
    /// a redirect the handler follows anyway is still detected on the response and never reported accepted.
    /// </summary>
    private static void NeverFollowRedirects(HttpMessageHandler handler)
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

    /// <summary>
    /// Puts the handler directly around an escalation client's primary handler, after every configuration action has
    /// run: whatever handlers a host chains on the builder (retries, hedging, timeouts, the factory's loggers), they
    /// all sit outside it. Also turns redirects off on a primary handler the host replaced.
    /// </summary>
    internal sealed class BuilderFilter : IHttpMessageHandlerBuilderFilter
    {
        public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
        {
            next(builder);
            if (IsEscalationClient(builder.Name) && builder.PrimaryHandler is not SingleSendHandler)
            {
                NeverFollowRedirects(builder.PrimaryHandler);
                builder.PrimaryHandler = new SingleSendHandler(builder.PrimaryHandler);
            }
        };

        /// <summary>The unnamed registration's client, or a named account's (<c>LivePersonEscalation:{name}</c>).</summary>
        private static bool IsEscalationClient(string? name) =>
            name is not null && (name == HttpClientName || name.StartsWith(HttpClientName + ":", StringComparison.Ordinal));

        private const string HttpClientName = Microsoft.Extensions.DependencyInjection.LivePersonEscalationServiceCollectionExtensions.HttpClientName;
    }
}
