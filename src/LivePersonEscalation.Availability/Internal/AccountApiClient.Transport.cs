using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LivePersonEscalation.Internal;

namespace LivePersonEscalation.Availability.Internal;

/// <summary>
/// One request to an account API: sent once per attempt, its body read within a bound, parsed or refused with what to check.
/// </summary>
internal sealed partial class AccountApiClient
{
    private static ByteArrayContent JsonContent<T>(T value, JsonTypeInfo<T> type)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, type));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private async Task<T> SendAsync<T>(string service, string api, Func<Uri, HttpRequestMessage> build, JsonTypeInfo<T> type, bool authorized, CancellationToken cancellationToken, bool renewTokenOn401 = true)
    {
        var host = await HostAsync(service, cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var token = authorized ? await _token.GetAsync(FetchTokenAsync, cancellationToken).ConfigureAwait(false) : null;
            using var request = build(host);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            var (status, body, retryAfter) = await SendOnceAsync(request, api, cancellationToken).ConfigureAwait(false);
            if (status == HttpStatusCode.Unauthorized && token is not null && attempt == 1 && renewTokenOn401)
            {
                // The token expired early or was revoked: fetch another, once, and go on.
                _token.Invalidate(token);
                continue;
            }

            if ((int)status is < 200 or > 299)
            {
                throw new AccountApiException(status switch
                {
                    HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                        $"the {api} refused the token (HTTP {(int)status}{(attempt > 1 ? ", a freshly fetched one too" : string.Empty)}): check that the {(_settings.UsesAppToken ? "app installation" : "user")} has access to it (see the package README).",
                    >= (HttpStatusCode)300 and < (HttpStatusCode)400 => $"the {api} answered a redirect (HTTP {(int)status}), which is never followed: check Availability:DomainApi and the service names.",
                    _ => $"the {api} answered HTTP {(int)status}.",
                })
                {
                    StatusCode = status,
                    RetryAfter = retryAfter,
                };
            }

            return Parse(body, type, api);
        }
    }

    private async Task<(HttpStatusCode Status, byte[] Body, TimeSpan? RetryAfter)> SendOnceAsync(HttpRequestMessage request, string api, CancellationToken cancellationToken)
    {
        using var timeout = new LinkedTimeout(_settings.Timeout, _time, cancellationToken);
        try
        {
            using var response = await _http().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);

            // Where a body read ignores the token once started (.NET Framework), the timeout ends it by disposing.
            using var abort = timeout.Token.Register(static state => ((HttpResponseMessage)state!).Dispose(), response);
            var retryAfter = response.Headers.RetryAfter is { } header
                ? header.Delta ?? (header.Date is { } at ? at - _time.GetUtcNow() : null)
                : null;
            return (response.StatusCode, await ReadBodyAsync(response.Content, api, timeout.Token).ConfigureAwait(false), retryAfter);
        }
        catch (OperationCanceledException ex) when (timeout.TimedOut && !cancellationToken.IsCancellationRequested)
        {
            throw new AccountApiException($"the {api} did not answer within {_settings.Timeout.TotalSeconds:0.#} s (Availability:Timeout).", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new AccountApiException($"the {api} could not be reached ({ex.Message})", ex);
        }
        catch (ObjectDisposedException ex) when (timeout.TimedOut && !cancellationToken.IsCancellationRequested)
        {
            throw new AccountApiException($"the {api} did not finish its answer within {_settings.Timeout.TotalSeconds:0.#} s (Availability:Timeout).", ex);
        }
        catch (IOException ex)
        {
            throw new AccountApiException($"the {api} broke off its answer ({ex.Message})", ex);
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContent content, string api, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxBodyBytes)
        {
            throw new AccountApiException($"the {api} answered with more than {MaxBodyBytes} bytes.");
        }

#if NET
        using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
#if NET
        while ((read = await stream.ReadAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
#else
        while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
#endif
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw new AccountApiException($"the {api} answered with more than {MaxBodyBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static T Parse<T>(byte[] body, JsonTypeInfo<T> type, string api)
    {
        try
        {
            return JsonSerializer.Deserialize(body, type) ?? throw new AccountApiException($"the {api} answered null.");
        }
        catch (JsonException ex)
        {
            // The position, not the text: a body may hold a token.
            throw new AccountApiException($"the {api} answered JSON the library cannot read (line {ex.LineNumber}, byte {ex.BytePositionInLine}).", ex);
        }
    }
}
