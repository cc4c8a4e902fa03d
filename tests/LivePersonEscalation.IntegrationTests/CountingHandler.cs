namespace LivePersonEscalation.IntegrationTests;

/// <summary>Counts the escalations a host's handler sees; the library's pipeline probe (marked by its header) is left out, as documented.</summary>
internal sealed class CountingHandler(Action count) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Headers.Contains("X-LivePersonEscalation-Probe"))
        {
            count();
        }

        return base.SendAsync(request, cancellationToken);
    }
}
