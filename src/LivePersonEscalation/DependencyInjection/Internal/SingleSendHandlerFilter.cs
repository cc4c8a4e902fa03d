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
        if (builder.Name == Microsoft.Extensions.DependencyInjection.LivePersonEscalationServiceCollectionExtensions.HttpClientName
            && builder.PrimaryHandler is not SingleSendHandler)
        {
            PrimaryHandler.NeverFollowRedirects(builder.PrimaryHandler);
            builder.PrimaryHandler = new SingleSendHandler(builder.PrimaryHandler);
        }
    };
}
