namespace LivePersonEscalation.Internal;

/// <summary>
/// Sends one escalation: attempts while the retry policy allows (only after outcomes that prove it was not
/// accepted), and classifies how it ended. It never throws: every ending, the caller's cancellation included, is a
/// <see cref="SendOutcome"/>, so the duplicate guard is always settled with what the wire decided.
/// </summary>
internal sealed class EscalationSender(HttpClient httpClient, EscalationRuntime runtime, bool hasSingleSendHandler)
{
    private TimeProvider Time => runtime.TimeProvider;

    /// <summary>
    /// True when a handler of the host's would send an escalation twice (found once per account, before its first
    /// escalation). Only a pipeline with the library's innermost handler can be probed without reaching the network.
    /// </summary>
    /// <exception cref="EscalationCanceledException">The caller canceled while the probe was under way: nothing was sent.</exception>
    public async Task<bool> HostResendsAsync(CancellationToken cancellationToken)
    {
        if (!hasSingleSendHandler)
        {
            return false;
        }

        var probing = runtime.HostResendsAsync(() => PipelineProbe.ResendsAsync(httpClient, runtime.Settings.Endpoint));
        if (!probing.IsCompleted)
        {
            // The probe is bounded on its own; the caller's token still ends this caller's wait for it.
            var canceled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(static state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), canceled))
            {
                if (await Task.WhenAny(probing, canceled.Task).ConfigureAwait(false) != probing)
                {
                    throw new EscalationCanceledException(EscalationOutcome.NotAccepted, cancellationToken);
                }
            }
        }

        return await probing.ConfigureAwait(false);
    }

    /// <summary>Sends the escalation's attempts and says how it ended.</summary>
    /// <remarks>
    /// <paramref name="generation"/> is the call's own snapshot, taken when it began (before its body was built): a
    /// reload of the options (a rotated key, a moved endpoint) applies to the next escalation, never to half of this one.
    /// </remarks>
    public async ValueTask<SendOutcome> SendAsync(byte[] payload, SettingsGeneration generation, CancellationToken cancellationToken)
    {
        var started = Time.GetTimestamp();
        var (settings, retry) = generation;
        for (var number = 1; ; number++)
        {
            // Released (its request, its timer) before any retry delay; what it ended with stays readable.
            var attempt = new EscalationAttempt(number, settings, payload, hasSingleSendHandler, Time, cancellationToken);
            using (attempt)
            {
                await attempt.SendAsync(httpClient, Time).ConfigureAwait(false);
            }

            if (cancellationToken.IsCancellationRequested)
            {
                return Canceled(attempt, started, settings, Time, cancellationToken);
            }

            if (!retry.ShouldRetry(attempt, started, out var delay, out var stopReason))
            {
                return Conclude(attempt, Time.GetElapsedTime(started), stopReason, settings);
            }

            try
            {
                await retry.WaitBeforeRetryAsync(attempt, delay, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
            {
                // Every attempt so far provably was not accepted.
                return SendOutcome.Canceled(new EscalationCanceledException(EscalationOutcome.NotAccepted, cancellationToken, innerException: ex));
            }
        }
    }

    /// <summary>The caller cancelled: say how far the escalation got, and keep an acceptance that already arrived.</summary>
    private static SendOutcome Canceled(EscalationAttempt attempt, long started, EscalationSettings settings, TimeProvider time, CancellationToken cancellationToken)
    {
        var concluded = attempt.Response is null ? null : Conclude(attempt, time.GetElapsedTime(started), stopReason: null, settings);
        var state = concluded?.State ?? (attempt.ProvesNotAccepted ? EscalationOutcome.NotAccepted : EscalationOutcome.Unknown);
        return SendOutcome.Canceled(new EscalationCanceledException(state, cancellationToken, concluded?.Result, concluded?.Failure ?? attempt.Exception));
    }

    /// <summary>The result of the last attempt, or the failure that says why the escalation was not (or may not have been) accepted.</summary>
    private static SendOutcome Conclude(EscalationAttempt attempt, TimeSpan elapsed, string? stopReason, EscalationSettings settings)
    {
        if (attempt.Response is { } response)
        {
            if (response.FollowedRedirectTo is not null)
            {
                return SendOutcome.Failed(EscalationFailures.Redirected(response, settings, attempt.Number, elapsed));
            }

            if (!response.IsAccepted)
            {
                return SendOutcome.Failed(EscalationFailures.FromResponse(response, settings, attempt.Number, elapsed, stopReason));
            }

            return SendOutcome.Accepted(new EscalationResult
            {
                StatusCode = response.StatusCode,
                Body = settings.KeyRedaction.Redact(response.Body),
                IsBodyTruncated = response.IsBodyTruncated,
                RequestId = response.RequestId,
                Attempts = attempt.Number,
                Elapsed = elapsed,
            });
        }

        // What ended the attempt with no answer, as the one classifier reads it; each kind has its own message.
        var exception = attempt.Exception!;
        var answer = AnswerClassifier.OfException(exception, attempt.ReachedTransport);
        return answer.Kind switch
        {
            EscalationFailureKind.UnexpectedResponse => SendOutcome.Failed(EscalationFailures.BodyResendRefused(settings, exception, attempt.Number, elapsed)),
            EscalationFailureKind.RepeatedSend => SendOutcome.Failed(EscalationFailures.RepeatedSend(AnswerClassifier.Find<AttemptRefusedException>(exception)!, attempt.Number, elapsed)),
            EscalationFailureKind.ConnectionFailed => SendOutcome.Failed(EscalationFailures.ConnectionFailed(settings, exception, attempt.Number, elapsed, stopReason)),
            EscalationFailureKind.ConnectionLost when exception is HttpRequestException => SendOutcome.Failed(EscalationFailures.ConnectionLost(settings, exception, attempt.Number, elapsed)),
            EscalationFailureKind.Timeout when exception is OperationCanceledException => SendOutcome.Failed(EscalationFailures.Timeout(settings, exception, attempt.Number, elapsed)),
            EscalationFailureKind.Timeout or EscalationFailureKind.ConnectionLost => SendOutcome.Failed(EscalationFailures.PipelineFailed(settings, exception, answer.Kind == EscalationFailureKind.Timeout, attempt.Number, elapsed)),
            // A chained handler failed before the request reached the transport: nothing was sent; the host's error as is.
            _ => SendOutcome.Unclassified(exception),
        };
    }
}
