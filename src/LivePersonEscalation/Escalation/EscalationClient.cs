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
    public Task<EscalationResult> EscalateAsync(EscalationRequest request, CancellationToken cancellationToken = default)
    {
        // Validation failures and early cancellation end in the returned task, as they would in an async method.
        EscalationRequestBody body;
        try
        {
            body = EscalationRequestValidator.CreateBody(Guard.NotNull(request), _runtime.Settings.Skills);
        }
        catch (Exception ex)
        {
            return Task.FromException<EscalationResult>(ex);
        }

        return cancellationToken.IsCancellationRequested
            ? Task.FromCanceled<EscalationResult>(cancellationToken)
            : EscalateValidatedAsync(body, cancellationToken);
    }

    /// <summary>
    /// The escalation of a valid body: through the duplicate guard (answered from a recent accepted escalation of
    /// the conversation, joined to one in flight, or sent by this call), with retries and telemetry.
    /// </summary>
    /// <remarks>
    /// The attempts run inline in this one async method on purpose: every further async step in a call costs an
    /// allocation and a resumption when the network answers (measured here: about 0.4 µs and 150 bytes a step).
    /// </remarks>
    private async Task<EscalationResult> EscalateValidatedAsync(EscalationRequestBody body, CancellationToken cancellationToken)
    {
        var runtime = _runtime;
        var telemetry = runtime.Telemetry;
        var started = runtime.TimeProvider.GetTimestamp();
        using var activity = telemetry.Start(body);
        var entry = runtime.DuplicateGuard?.Enter(body.ConversationId) ?? GuardEntry.Send(guarded: false);
        try
        {
            var result = entry.Answer
                ?? (entry.Joined is { } joined ? (await joined.WaitOrCancelAsync(cancellationToken).ConfigureAwait(false)).AsDeduplicated() : null);
            if (result is null)
            {
                var settings = runtime.Settings;
                var payload = JsonSerializer.SerializeToUtf8Bytes(body, EscalationJsonContext.Default.EscalationRequestBody);
                AttemptOutcome outcome;
                for (var attempts = 1; ; attempts++)
                {
                    try
                    {
                        // One attempt: send, then read the (capped) answer within the attempt's time.
                        using var httpRequest = EscalationHttpRequest.Create(settings, payload);
                        using var timeout = new AttemptTimeout(settings.Timeout, runtime.TimeProvider, cancellationToken);
                        using var response = await _httpClient
                            .SendAsync(httpRequest, HttpCompletionOption.ResponseHeadersRead, timeout.Token)
                            .ConfigureAwait(false);
                        var responseBody = await ResponseBodyReader.ReadAsync(response.Content, timeout.Token, cancellationToken).ConfigureAwait(false);
                        outcome = new AttemptOutcome(new AttemptResponse(response, responseBody, runtime.TimeProvider), null, attempts, null);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        outcome = new AttemptOutcome(null, ex, attempts, null);
                    }

                    if (!runtime.Retry.ShouldRetry(outcome, started, out var delay, out var stopReason))
                    {
                        outcome = outcome with { StopReason = stopReason };
                        break;
                    }

                    await runtime.Retry.WaitBeforeRetryAsync(outcome, delay, cancellationToken).ConfigureAwait(false);
                }

                result = Conclude(outcome, runtime.TimeProvider.GetElapsedTime(started), cancellationToken);
                if (entry.MustReport)
                {
                    runtime.DuplicateGuard!.Complete(body.ConversationId, result);
                }
            }

            telemetry.Accepted(activity, result, runtime.TimeProvider.GetElapsedTime(started));
            return result;
        }
        catch (Exception ex)
        {
            if (entry.MustReport)
            {
                runtime.DuplicateGuard!.Abandon(body.ConversationId, ex);
            }

            telemetry.Ended(activity, ex);
            throw;
        }
    }

    /// <summary>The result of an accepted last attempt, or the exception that tells why the escalation failed.</summary>
    private EscalationResult Conclude(AttemptOutcome outcome, TimeSpan elapsed, CancellationToken cancellationToken)
    {
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
