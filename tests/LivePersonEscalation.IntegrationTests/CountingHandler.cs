namespace LivePersonEscalation.IntegrationTests;

internal sealed class CountingHandler(Action count) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        count();
        return base.SendAsync(request, cancellationToken);
    }
}
