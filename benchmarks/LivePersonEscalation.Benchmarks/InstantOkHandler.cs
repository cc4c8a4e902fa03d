using System.Net;

namespace LivePersonEscalation.Benchmarks;

/// <summary>
/// Answers every request with 200 and a small JSON body at once, so only in-process cost is measured. It reads the
/// request body as a transport would, so lazily serialized content (JsonContent) pays its serialization too.
/// With <paramref name="completeLater"/> it first yields to the thread pool, as a network answer arrives: every
/// async method between the caller and the handler then really suspends and resumes, as over a socket.
/// </summary>
internal sealed class InstantOkHandler(bool completeLater = false) : HttpMessageHandler
{
    private static readonly byte[] Accepted = """{"status":"accepted"}"""u8.ToArray();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (completeLater)
        {
            await Task.Yield();
        }

        if (request.Content is not null)
        {
            await request.Content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new ByteArrayContent(Accepted) };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        return response;
    }
}
