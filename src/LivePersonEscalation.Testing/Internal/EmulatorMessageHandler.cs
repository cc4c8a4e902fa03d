using System.Text;

namespace LivePersonEscalation.Testing.Internal;

/// <summary>The emulator without sockets: answers in memory what the loopback server would answer.</summary>
internal sealed class EmulatorMessageHandler(EmulatorEngine engine) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var authorization = request.Headers.TryGetValues("Authorization", out var values) ? string.Join(",", values) : null;
        var reply = engine.Handle(
            request.Method.Method,
            request.RequestUri?.AbsolutePath ?? "/",
            authorization,
            request.Content?.Headers.ContentType?.ToString(),
            body);

        if (reply.Delay > TimeSpan.Zero)
        {
            await Task.Delay(reply.Delay, engine.TimeProvider, cancellationToken).ConfigureAwait(false);
        }

        if (reply.Abort)
        {
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "The emulator closed the connection without a response.");
        }

        var response = new HttpResponseMessage((System.Net.HttpStatusCode)reply.StatusCode)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(reply.Body)),
        };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", reply.ContentType);
        if (reply.RequestId is not null)
        {
            response.Headers.TryAddWithoutValidation("X-Request-Id", reply.RequestId);
        }

        if (reply.RetryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", reply.RetryAfter);
        }

        return response;
    }
}
