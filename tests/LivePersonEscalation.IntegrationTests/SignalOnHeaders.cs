namespace LivePersonEscalation.IntegrationTests;

/// <summary>Signals once the response headers of a request have reached the client.</summary>
internal sealed class SignalOnHeaders(TaskCompletionSource received) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        received.TrySetResult();
        return response;
    }
}
