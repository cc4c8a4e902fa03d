namespace LivePersonEscalation.IntegrationTests;

/// <summary>Signals once the response headers of an escalation have reached the client (the library's pipeline probe aside).</summary>
internal sealed class SignalOnHeaders(TaskCompletionSource received) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (!request.Headers.Contains("X-LivePersonEscalation-Probe"))
        {
            received.TrySetResult();
        }

        return response;
    }
}
