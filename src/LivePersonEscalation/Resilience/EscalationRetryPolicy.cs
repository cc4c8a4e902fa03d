namespace LivePersonEscalation;

/// <summary>
/// The retry decisions for a non-idempotent POST: retry only outcomes that prove the escalation was not accepted
/// (no connection could be made; HTTP 429 or 503), wait the server's <c>Retry-After</c> or a jittered exponential
/// backoff on the <see cref="TimeProvider"/>, and stop when attempts run out or the next delay would end beyond the
/// time budget, saying why. The client runs the loop inline rather than through a resilience pipeline: the first
/// attempt, which is nearly always the only one, then costs nothing extra (a Polly pipeline measured 380 ns per call
/// here, and every async step around the attempt another 0.4 µs).
/// </summary>
internal sealed class EscalationRetryPolicy(EscalationSettings settings, TimeProvider timeProvider, EscalationTelemetry telemetry)
{
    /// <summary>
    /// Whether to retry after <paramref name="outcome"/>: only when it proves the escalation was not accepted, an
    /// attempt is left and the delay ends within the budget. Otherwise <paramref name="stopReason"/> says why not
    /// (null when the outcome allowed no retry at all).
    /// </summary>
    public bool ShouldRetry(AttemptOutcome outcome, long started, out TimeSpan delay, out string? stopReason)
    {
        delay = TimeSpan.Zero;
        stopReason = null;
        if (!ProvesNotAccepted(outcome, out var asked))
        {
            return false;
        }

        if (outcome.Attempts >= settings.MaxAttempts)
        {
            stopReason = $"no retry left after {outcome.Attempts} attempt(s) (Retry:MaxAttempts is {settings.MaxAttempts})";
            return false;
        }

        delay = asked ?? Backoff(outcome.Attempts);
        if (timeProvider.GetElapsedTime(started) + delay > settings.RetryBudget)
        {
            stopReason = asked is null
                ? $"the next retry, in {delay.TotalSeconds:0.###} s, would end beyond the {settings.RetryBudget.TotalSeconds:0.###} s budget (Retry:TotalBudget)"
                : $"the server asked to retry in {delay.TotalSeconds:0.###} s (Retry-After), beyond the {settings.RetryBudget.TotalSeconds:0.###} s budget (Retry:TotalBudget)";
            return false;
        }

        return true;
    }

    /// <summary>Records the retry and waits <paramref name="delay"/> on the <see cref="TimeProvider"/>; caller cancellation ends the wait.</summary>
    public async Task WaitBeforeRetryAsync(AttemptOutcome outcome, TimeSpan delay, CancellationToken cancellationToken)
    {
        telemetry.Retrying(outcome.Attempts, outcome.Response is { } response ? $"http_{(int)response.StatusCode}" : "connection_failed", delay);
        if (delay > TimeSpan.Zero)
        {
#if NET8_0_OR_GREATER
            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
#else
            await timeProvider.Delay(delay, cancellationToken).ConfigureAwait(false);
#endif
        }
    }

    /// <summary>
    /// True only for outcomes that prove LivePerson did not accept the escalation: no connection could be made, or it
    /// answered 429 or 503. <paramref name="retryAfter"/> is the delay the server asked for, if it did.
    /// </summary>
    private static bool ProvesNotAccepted(AttemptOutcome outcome, out TimeSpan? retryAfter)
    {
        retryAfter = null;
        if (outcome.Exception is HttpRequestException transport)
        {
            return TransportErrors.IsConnectFailure(transport);
        }

        if (outcome.Response is { IsRetryable: true } response)
        {
            retryAfter = response.RetryAfter;
            return true;
        }

        return false;
    }

    /// <summary>Exponential backoff with "equal jitter": half the step fixed, half random, so callers spread out.</summary>
    private TimeSpan Backoff(int attemptsMade)
    {
        var step = settings.RetryBaseDelay.Ticks * Math.Pow(2, Math.Min(attemptsMade - 1, 30));
        var capped = Math.Min(step, settings.RetryMaxDelay.Ticks);
        return TimeSpan.FromTicks((long)((capped / 2) + (Jitter.NextDouble() * capped / 2)));
    }
}
