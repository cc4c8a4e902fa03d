using System.Text;

namespace LivePersonEscalation.ConsoleSample;

/// <summary>
/// Prints each HTTP attempt as it leaves for the wire, and its answer. The library adds the Authorization header in
/// its innermost handler, below this one, so no chained handler or logger ever holds the key: it is shown as masked.
/// </summary>
internal sealed class WireLogHandler(TextWriter output) : DelegatingHandler
{
    private int _attempt;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempt);
        var body = request.Content is null ? string.Empty : Encoding.UTF8.GetString(await request.Content.ReadAsByteArrayAsync(cancellationToken));
        await output.WriteLineAsync();
        await output.WriteLineAsync($"2. Request, attempt {attempt}");
        await output.WriteLineAsync($"   {request.Method} {request.RequestUri}");
        await output.WriteLineAsync("   Authorization: *** (the API access key, added by the library's innermost handler)");
        await output.WriteLineAsync($"   Content-Type: {request.Content?.Headers.ContentType}");
        await output.WriteLineAsync($"   {body}");

        var response = await base.SendAsync(request, cancellationToken);
        await output.WriteLineAsync($"   ← HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
        return response;
    }
}
