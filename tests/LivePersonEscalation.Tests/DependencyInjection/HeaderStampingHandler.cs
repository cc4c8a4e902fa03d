namespace LivePersonEscalation.Tests.DependencyInjection;

internal sealed class HeaderStampingHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Add("X-Host-Handler", "yes");
        return base.SendAsync(request, cancellationToken);
    }
}
