using LivePersonEscalation.Testing.Internal;
using Microsoft.AspNetCore.Http;

namespace LivePersonEscalation.Testing;

/// <summary>
/// The HTTP side of the emulator: each request read within its bound and handed to the engine, its reply written back.
/// </summary>
public sealed partial class EscalationEmulator
{
    private static async Task ServeAsync(HttpContext context, EmulatorEngine engine)
    {
        var request = context.Request;
        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            body = buffer.ToArray();
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var reply = engine.Handle(request.Method, request.Path.Value ?? "/", request.Headers.Authorization.ToString() is { Length: > 0 } key ? key : null, request.ContentType, body);
        if (reply.Delay > TimeSpan.Zero)
        {
            await Task.Delay(reply.Delay, engine.TimeProvider, context.RequestAborted).ConfigureAwait(false);
        }

        if (reply.Abort)
        {
            context.Abort();
            return;
        }

        var response = context.Response;
        response.StatusCode = reply.StatusCode;
        response.ContentType = reply.ContentType;
        if (reply.RequestId is not null)
        {
            response.Headers["X-Request-Id"] = reply.RequestId;
        }

        if (reply.RetryAfter is not null)
        {
            response.Headers.RetryAfter = reply.RetryAfter;
        }

        await response.WriteAsync(reply.Body, context.RequestAborted).ConfigureAwait(false);
    }
}
