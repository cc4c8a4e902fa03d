namespace LivePersonEscalation.Tests;

/// <summary>Runs <paramref name="beforeSend"/> (the recorder's capture and its scripted interception) before each request goes on.</summary>
internal sealed class RecordingHandler(Func<HttpRequestMessage, CancellationToken, Task> beforeSend) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await beforeSend(request, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
