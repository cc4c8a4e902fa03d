using Microsoft.Extensions.Http;

namespace LivePersonEscalation.Internal;

/// <summary>
/// Puts <see cref="SingleSendHandler"/> directly around the escalation client's primary handler, after every
/// configuration action has run: whatever handlers a host chains on the builder (retries, hedging, timeouts, the
/// factory's loggers), they all sit outside it. Also turns redirects off on a primary handler the host replaced.
/// </summary>
internal sealed class SingleSendHandlerFilter : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (IsEscalationClient(builder.Name) && builder.PrimaryHandler is not SingleSendHandler)
        {
            PrimaryHandler.NeverFollowRedirects(builder.PrimaryHandler);
            builder.PrimaryHandler = new SingleSendHandler(builder.PrimaryHandler);
        }
    };

    /// <summary>The unnamed registration's client, or a named account's (<c>LivePersonEscalation:{name}</c>).</summary>
    private static bool IsEscalationClient(string? name) =>
        name is not null && (name == HttpClientName || name.StartsWith(HttpClientName + ":", StringComparison.Ordinal));

    private const string HttpClientName = Microsoft.Extensions.DependencyInjection.LivePersonEscalationServiceCollectionExtensions.HttpClientName;
}
