using System.Diagnostics;
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
        // The body is serialized before the duplicate guard is entered: from Enter on, nothing may throw before
        // SendAsync takes over reporting to the guard, or the conversation would stay "in flight" for good.
        EscalationRequestBody body;
        byte[] payload;
        try
        {
            body = EscalationRequestValidator.CreateBody(Guard.NotNull(request), _runtime.Settings.Skills);
            payload = JsonSerializer.SerializeToUtf8Bytes(body, EscalationJsonContext.Default.EscalationRequestBody);
        }
        catch (Exception ex)
        {
            return Task.FromException<EscalationResult>(ex);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<EscalationResult>(cancellationToken);
        }

        // The duplicate guard decides synchronously: answered from a recent accepted escalation of the conversation,
        // joined to the one in flight, or sent by this call.
        var started = _runtime.TimeProvider.GetTimestamp();
        var callersActivity = Activity.Current;
        var activity = _runtime.Telemetry.Start(body);
        try
        {
            var entry = _runtime.DuplicateGuard?.Enter(body.ConversationId, started) ?? GuardEntry.Send(guarded: false);
            if (entry.Answer is { } answer)
            {
                Finish(activity, answer, started);
                return Task.FromResult(answer);
            }

            return entry.Joined is { } joined
                ? JoinAsync(joined, activity, started, cancellationToken)
                : SendAsync(body.ConversationId, payload, entry.MustReport, activity, started, cancellationToken);
        }
        catch (Exception ex)
        {
            // Only telemetry (a throwing log provider, say) can fail here: end in the task, as an async method would.
            return Task.FromException<EscalationResult>(ex);
        }
        finally
        {
            // This method is not async, so the activity it started would stay current for the caller after it
            // returns; the async methods above captured it for their own continuations already.
            if (activity is not null)
            {
                Activity.Current = callersActivity;
            }
        }
    }

    /// <summary>Waits for the escalation of the same conversation in flight, and answers with its result.</summary>
    private async Task<EscalationResult> JoinAsync(Task<EscalationResult> joined, Activity? activity, long started, CancellationToken cancellationToken)
    {
        try
        {
            var result = (await joined.WaitOrCancelAsync(cancellationToken).ConfigureAwait(false)).AsDeduplicated();
            Finish(activity, result, started);
            return result;
        }
        catch (Exception ex)
        {
            _runtime.Telemetry.Ended(activity, ex);
            activity?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Sends the escalation, retrying while the retry policy allows it, and reports the outcome to the duplicate guard
    /// when <paramref name="reportToGuard"/>.
    /// </summary>
    /// <remarks>
    /// The attempts run inline in this one async method on purpose: every further async step in a call costs an
    /// allocation and a resumption when the network answers (measured here: about 0.4 µs and 150 bytes a step).
    /// For the same reason only what is needed after an await is kept in locals.
    /// </remarks>
    private async Task<EscalationResult> SendAsync(
        string conversationId, byte[] payload, bool reportToGuard, Activity? activity, long started, CancellationToken cancellationToken)
    {
        try
        {
            AttemptOutcome outcome;
            for (var attempts = 1; ; attempts++)
            {
                try
                {
                    // One attempt: send, then read the (capped) answer within the attempt's time.
                    using var httpRequest = EscalationHttpRequest.Create(_runtime.Settings, payload);
                    using var timeout = new AttemptTimeout(_runtime.Settings.Timeout, _runtime.TimeProvider, cancellationToken);
                    using var response = await _httpClient
                        .SendAsync(httpRequest, HttpCompletionOption.ResponseHeadersRead, timeout.Token)
                        .ConfigureAwait(false);
                    var responseBody = await ResponseBodyReader.ReadAsync(response.Content, timeout.Token, cancellationToken).ConfigureAwait(false);
                    outcome = new AttemptOutcome(new AttemptResponse(response, responseBody, _runtime.TimeProvider), null, attempts, null);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    outcome = new AttemptOutcome(null, ex, attempts, null);
                }

                if (!_runtime.Retry.ShouldRetry(outcome, started, out var delay, out var stopReason))
                {
                    outcome = outcome with { StopReason = stopReason };
                    break;
                }

                await _runtime.Retry.WaitBeforeRetryAsync(outcome, delay, cancellationToken).ConfigureAwait(false);
            }

            var ended = _runtime.TimeProvider.GetTimestamp();
            var result = Conclude(outcome, _runtime.TimeProvider.GetElapsedTime(started, ended), cancellationToken);
            if (reportToGuard)
            {
                _runtime.DuplicateGuard!.Complete(conversationId, result, ended);
            }

            Finish(activity, result, started, ended);
            return result;
        }
        catch (Exception ex)
        {
            if (reportToGuard)
            {
                _runtime.DuplicateGuard!.Abandon(conversationId, ex);
            }

            _runtime.Telemetry.Ended(activity, ex);
            activity?.Dispose();
            throw;
        }
    }

    /// <summary>Records the accepted (or deduplicated) <paramref name="result"/> and ends the call's activity.</summary>
    private void Finish(Activity? activity, EscalationResult result, long started, long? ended = null)
    {
        var timeProvider = _runtime.TimeProvider;
        _runtime.Telemetry.Accepted(activity, result, timeProvider.GetElapsedTime(started, ended ?? timeProvider.GetTimestamp()));
        activity?.Dispose();
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
