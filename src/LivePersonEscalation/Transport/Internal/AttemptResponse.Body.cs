using System.Buffers;
using System.Text;

namespace LivePersonEscalation.Internal;

/// <summary>
/// The answer's body: at most <see cref="MaxBytes"/> of it, so a broken or hostile server cannot exhaust memory.
/// A body that breaks off midway (connection lost, attempt timed out, caller cancelled) yields what arrived, marked
/// truncated: the status line already told the outcome, and the caller's cancellation is the sender's to report.
/// </summary>
internal sealed partial class AttemptResponse
{
    public const int MaxBytes = 64 * 1024;

    /// <summary>The text of the body, and whether it was cut short.</summary>
    private static async ValueTask<(string Text, bool IsTruncated)> ReadBodyAsync(HttpContent? content, CancellationToken attemptToken)
    {
        if (content is null)
        {
            return (string.Empty, false);
        }

        // The raw header, not Headers.ContentLength: that parses the value (or computes it) on every call.
        var declared = DeclaredLength(content);
        if (declared == 0)
        {
            return (string.Empty, false);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(declared is long length ? (int)Math.Min(length + 1, MaxBytes + 1) : 4096);
        var count = 0;
        var truncated = false;
        try
        {
#if NET
            var stream = await content.ReadAsStreamAsync(attemptToken).ConfigureAwait(false);
#else
            var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            using (stream)
            {
                while (true)
                {
                    if (count == buffer.Length)
                    {
                        if (count > MaxBytes)
                        {
                            truncated = true;
                            count = MaxBytes;
                            break;
                        }

                        buffer = Grow(buffer, count);
                    }

#if NET
                    var read = await stream.ReadAsync(buffer.AsMemory(count), attemptToken).ConfigureAwait(false);
#else
                    var read = await stream.ReadAsync(buffer, count, buffer.Length - count, attemptToken).ConfigureAwait(false);
#endif
                    if (read == 0)
                    {
                        break;
                    }

                    count += read;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or OperationCanceledException)
        {
            truncated = true;
        }

        try
        {
            return (GetEncoding(content).GetString(buffer, 0, count), truncated);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static long? DeclaredLength(HttpContent content)
    {
#if NET
        return content.Headers.NonValidated.TryGetValues("Content-Length", out var values)
            && long.TryParse(values.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length)
            ? length
            : null;
#else
        return content.Headers.ContentLength;
#endif
    }

    private static byte[] Grow(byte[] buffer, int count)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxBytes + 1));
        Buffer.BlockCopy(buffer, 0, larger, 0, count);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    private static Encoding GetEncoding(HttpContent content)
    {
        // Look at the raw header: parsing it into a MediaTypeHeaderValue costs allocations on every call, and
        // almost every answer is UTF-8 (or says nothing, which for JSON means UTF-8).
#if NET
        var contentType = content.Headers.NonValidated.TryGetValues("Content-Type", out var values) ? values.ToString() : null;
#else
        var contentType = content.Headers.TryGetValues("Content-Type", out var values) ? string.Join(",", values) : null;
#endif
        var at = contentType?.IndexOf("charset=", StringComparison.OrdinalIgnoreCase) ?? -1;
        if (at < 0)
        {
            return Encoding.UTF8;
        }

        var charset = contentType!.Substring(at + "charset=".Length).Split(';')[0].Trim().Trim('"');
        if (charset.Length == 0 || string.Equals(charset, "utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return Encoding.UTF8;
        }

        try
        {
            return Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }
}
