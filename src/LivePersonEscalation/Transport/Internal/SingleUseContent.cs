using System.Net;

namespace LivePersonEscalation.Internal;

/// <summary>
/// The JSON body of one attempt, which can be written to the wire once. A handler the library does not control
/// (a host's own <see cref="HttpClient"/> that follows a 307 or 308) then cannot re-post the escalation elsewhere.
/// </summary>
internal sealed class SingleUseContent : HttpContent
{
    private readonly byte[] _payload;
    private int _written;

    public SingleUseContent(byte[] payload)
    {
        _payload = payload;
        Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        Interlocked.Exchange(ref _written, 1) == 0
            ? stream.WriteAsync(_payload, 0, _payload.Length)
            : Task.FromException(AttemptRefusedException.BodyResend());

    protected override bool TryComputeLength(out long length)
    {
        length = _payload.Length;
        return true;
    }
}
