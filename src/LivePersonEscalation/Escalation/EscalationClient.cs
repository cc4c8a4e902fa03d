using System.Runtime.ExceptionServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace LivePersonEscalation;

/// <summary>
/// The escalation client: a typed <see cref="HttpClient"/> client that POSTs <see cref="EscalationRequest"/>s to
/// the region's <c>livePersonAgent</c> endpoint with the API access key in the <c>Authorization</c> header.
/// It retries only when the escalation provably was not accepted, and joins duplicate escalations of a conversation
/// (see <see cref="EscalationOptions.Retry"/> and <see cref="EscalationOptions.DuplicateGuard"/>).
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
    private readonly EscalationRuntime _runtime;

    /// <summary>
    /// Creates a client over <paramref name="httpClient"/> with <paramref name="options"/>, validated now.
    /// The options are read once: later changes to them have no effect on this client.
    /// </summary>
    /// <param name="httpClient">The HTTP client to send with; its <see cref="HttpClient.Timeout"/> also applies.</param>
    /// <param name="options">Region or endpoint, API access key, timeout, skills, retry and duplicate guard.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is invalid; the message names it.</exception>
    public EscalationClient(HttpClient httpClient, EscalationOptions options)
        : this(httpClient, options, loggerFactory: null)
    {
    }

    /// <summary>
    /// Creates a client over <paramref name="httpClient"/> with <paramref name="options"/>, validated now, logging
    /// through <paramref name="loggerFactory"/> (category <c>LivePersonEscalation</c>).
    /// </summary>
    /// <param name="httpClient">The HTTP client to send with; its <see cref="HttpClient.Timeout"/> also applies.</param>
    /// <param name="options">Region or endpoint, API access key, timeout, skills, retry and duplicate guard.</param>
    /// <param name="loggerFactory">Where the client logs; null for no logs.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is invalid; the message names it.</exception>
    public EscalationClient(HttpClient httpClient, EscalationOptions options, ILoggerFactory? loggerFactory)
        : this(httpClient, new EscalationRuntime(EscalationSettings.Create(Guard.NotNull(options)), TimeProvider.System, meterFactory: null, loggerFactory))
    {
    }

    internal EscalationClient(HttpClient httpClient, EscalationRuntime runtime)
    {
        _httpClient = Guard.NotNull(httpClient);
        _runtime = runtime;
    }

    /// <inheritdoc />
    public async Task<EscalationResult> EscalateAsync(EscalationRequest request, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(request);
        var body = EscalationRequestValidator.CreateBody(request, _runtime.Settings.Skills);
        cancellationToken.ThrowIfCancellationRequested();

        var telemetry = _runtime.Telemetry;
        var started = _runtime.TimeProvider.GetTimestamp();
        using var activity = telemetry.Start(body);
        try
        {
            var result = _runtime.DuplicateGuard is { } guard
                ? await guard.RunAsync(
                    body.ConversationId,
                    (Client: this, Body: body),
                    static (state, token) => state.Client.SendAsync(state.Body, token),
                    cancellationToken).ConfigureAwait(false)
                : await SendAsync(body, cancellationToken).ConfigureAwait(false);

            telemetry.Accepted(activity, result, _runtime.TimeProvider.GetElapsedTime(started));
            return result;
        }
        catch (EscalationException failure)
        {
            telemetry.Failed(activity, failure);
            throw;
        }
        catch (OperationCanceledException)
        {
            EscalationTelemetry.Canceled(activity);
            throw;
        }
    }

    private async ValueTask<EscalationResult> SendAsync(EscalationRequestBody body, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(body, EscalationJsonContext.Default.EscalationRequestBody);
        var started = _runtime.TimeProvider.GetTimestamp();

        var outcome = await _runtime.Retry
            .ExecuteAsync((Client: this, Payload: payload), started, static (state, token) => state.Client.AttemptAsync(state.Payload, token), cancellationToken)
            .ConfigureAwait(false);

        var elapsed = _runtime.TimeProvider.GetElapsedTime(started);
        if (outcome.Exception is { } exception)
        {
            throw Failure(exception, outcome, elapsed, cancellationToken);
        }

        var response = outcome.Response!.Value;
        if (!response.IsSuccess)
        {
            throw EscalationFailures.FromResponse(response.StatusCode, response.Body, response.RequestId, _runtime.Settings, outcome.Attempts, elapsed, outcome.StopReason);
        }

        return new EscalationResult
        {
            StatusCode = response.StatusCode,
            Body = response.Body.Text,
            IsBodyTruncated = response.Body.IsTruncated,
            RequestId = response.RequestId,
            Attempts = outcome.Attempts,
            Elapsed = elapsed,
        };
    }

    /// <summary>One HTTP attempt: send, then read the (capped) answer within the attempt's time.</summary>
    private async ValueTask<AttemptResponse> AttemptAsync(byte[] payload, CancellationToken cancellationToken)
    {
        var settings = _runtime.Settings;
        using var httpRequest = EscalationHttpRequest.Create(settings, payload);
        using var timeout = new AttemptTimeout(settings.Timeout, _runtime.TimeProvider, cancellationToken);
        using var response = await _httpClient
            .SendAsync(httpRequest, HttpCompletionOption.ResponseHeadersRead, timeout.Token)
            .ConfigureAwait(false);

        var body = await ResponseBodyReader.ReadAsync(response.Content, timeout.Token, cancellationToken).ConfigureAwait(false);
        return new AttemptResponse(response.StatusCode, body, EscalationHttpRequest.GetRequestId(response), RetryConditionValue.From(response));
    }

    private Exception Failure(Exception exception, AttemptOutcome outcome, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        var settings = _runtime.Settings;
        switch (exception)
        {
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                break;
            case OperationCanceledException:
                // The attempt's timeout (or HttpClient.Timeout) fired: the request may have been sent.
                return EscalationFailures.Timeout(settings, exception, outcome.Attempts, elapsed);
            case HttpRequestException transport when TransportErrors.IsConnectFailure(transport):
                return EscalationFailures.ConnectionFailed(settings, transport, outcome.Attempts, elapsed, outcome.StopReason);
            case HttpRequestException transport:
                return EscalationFailures.ConnectionLost(settings, transport, outcome.Attempts, elapsed);
        }

        // Caller cancellation and anything unexpected propagate unchanged, with their stack.
        ExceptionDispatchInfo.Capture(exception).Throw();
        return exception;
    }
}
