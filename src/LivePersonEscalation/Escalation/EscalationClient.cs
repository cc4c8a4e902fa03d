using System.Text.Json;

namespace LivePersonEscalation;

/// <summary>
/// The escalation client: a typed <see cref="HttpClient"/> client that POSTs <see cref="EscalationRequest"/>s to
/// the region's <c>livePersonAgent</c> endpoint with the API access key in the <c>Authorization</c> header.
/// Thread-safe; reuse one instance (or let <c>AddLivePersonEscalation</c> manage it).
/// </summary>
/// <example>
/// Without dependency injection:
/// <code>
/// using var http = new HttpClient();
/// var client = new EscalationClient(http, new EscalationOptions { Region = LivePersonRegion.Eu, ApiAccessKey = key });
/// EscalationResult result = await client.EscalateAsync(request, cancellationToken);
/// </code>
/// </example>
public sealed class EscalationClient : IEscalationClient
{
    private readonly HttpClient _httpClient;
    private readonly EscalationSettings _settings;
    private readonly TimeProvider _timeProvider;

    /// <summary>
    /// Creates a client over <paramref name="httpClient"/> with <paramref name="options"/>, validated now.
    /// The options are read once: later changes to them have no effect on this client.
    /// </summary>
    /// <param name="httpClient">The HTTP client to send with; its <see cref="HttpClient.Timeout"/> also applies.</param>
    /// <param name="options">Region or endpoint, API access key, timeout and skills.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is invalid; the message names it.</exception>
    public EscalationClient(HttpClient httpClient, EscalationOptions options)
        : this(httpClient, EscalationSettings.Create(Guard.NotNull(options)), TimeProvider.System)
    {
    }

    internal EscalationClient(HttpClient httpClient, EscalationSettings settings, TimeProvider timeProvider)
    {
        _httpClient = Guard.NotNull(httpClient);
        _settings = settings;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public async Task<EscalationResult> EscalateAsync(EscalationRequest request, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(request);
        var body = EscalationRequestValidator.CreateBody(request, _settings.Skills);
        cancellationToken.ThrowIfCancellationRequested();

        var started = _timeProvider.GetTimestamp();
        var payload = JsonSerializer.SerializeToUtf8Bytes(body, EscalationJsonContext.Default.EscalationRequestBody);
        return await SendAsync(payload, started, attempt: 1, cancellationToken).ConfigureAwait(false);
    }

    private async Task<EscalationResult> SendAsync(byte[] payload, long started, int attempt, CancellationToken cancellationToken)
    {
        using var httpRequest = EscalationHttpRequest.Create(_settings, payload);
        using var timeout = new AttemptTimeout(_settings.Timeout, _timeProvider, cancellationToken);

        HttpResponseMessage response;
        try
        {
            response = await _httpClient
                .SendAsync(httpRequest, HttpCompletionOption.ResponseHeadersRead, timeout.Token)
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Either our attempt timeout or HttpClient.Timeout fired: the request may have been sent.
            throw EscalationFailures.Timeout(_settings, ex, attempt, Elapsed(started));
        }
        catch (HttpRequestException ex)
        {
            throw TransportErrors.IsConnectFailure(ex)
                ? EscalationFailures.ConnectionFailed(_settings, ex, attempt, Elapsed(started))
                : EscalationFailures.ConnectionLost(_settings, ex, attempt, Elapsed(started));
        }

        using (response)
        {
            var responseBody = await ResponseBodyReader.ReadAsync(response.Content, timeout.Token, cancellationToken).ConfigureAwait(false);
            var requestId = EscalationHttpRequest.GetRequestId(response);
            if (response.IsSuccessStatusCode)
            {
                return new EscalationResult
                {
                    StatusCode = response.StatusCode,
                    Body = responseBody.Text,
                    IsBodyTruncated = responseBody.IsTruncated,
                    RequestId = requestId,
                    Attempts = attempt,
                    Elapsed = Elapsed(started),
                };
            }

            throw EscalationFailures.FromResponse(response.StatusCode, responseBody, requestId, _settings, attempt, Elapsed(started));
        }
    }

    private TimeSpan Elapsed(long started) => _timeProvider.GetElapsedTime(started);
}
