namespace LivePersonEscalation.Internal;

/// <summary>
/// The retry decisions for a non-idempotent POST: retry only attempts that prove the escalation was not accepted
/// (no connection could be made; HTTP 408, 429 or 503), wait the server's <c>Retry-After</c> or a jittered
/// exponential backoff on the <see cref="TimeProvider"/>, and stop when attempts run out or the next delay would end
/// beyond the time budget, saying why. A Polly pipeline would do the same with more moving parts: the rule that
/// matters here, never resend what may have been accepted, is the one a general retry handler gets wrong.
/// </summary>
internal sealed class EscalationRetryPolicy(RetrySettings settings, TimeProvider timeProvider, EscalationTelemetry telemetry)
{
    /// <summary>
    /// Whether to retry after <paramref name="attempt"/>: only when it proves the escalation was not accepted, an
    /// attempt is left and the delay ends within the budget. Otherwise <paramref name="stopReason"/> says why not
    /// (null when the outcome allowed no retry at all).
    /// </summary>
    public bool ShouldRetry(EscalationAttempt attempt, long started, out TimeSpan delay, out string? stopReason)
    {
        delay = TimeSpan.Zero;
        stopReason = null;
        if (!attempt.IsRetryable)
        {
            return false;
        }

        if (attempt.Number >= settings.MaxAttempts)
        {
            stopReason = $"no retry left after {attempt.Number} attempt(s) (Retry:MaxAttempts is {settings.MaxAttempts})";
            return false;
        }

        var asked = attempt.Response?.RetryAfter;
        delay = asked ?? Backoff(attempt.Number);
        if (timeProvider.GetElapsedTime(started) + delay > settings.TotalBudget)
        {
            stopReason = asked is null
                ? $"the next retry, in {delay.TotalSeconds:0.###} s, would end beyond the {settings.TotalBudget.TotalSeconds:0.###} s budget (Retry:TotalBudget)"
                : $"the server asked to retry in {delay.TotalSeconds:0.###} s (Retry-After), beyond the {settings.TotalBudget.TotalSeconds:0.###} s budget (Retry:TotalBudget)";
            return false;
        }

        return true;
    }

    /// <summary>Records the retry and waits <paramref name="delay"/> on the <see cref="TimeProvider"/>; caller cancellation ends the wait.</summary>
    public async Task WaitBeforeRetryAsync(EscalationAttempt attempt, TimeSpan delay, CancellationToken cancellationToken)
    {
        telemetry.Retrying(attempt.Number, attempt.Response is { } response ? $"http_{(int)response.StatusCode}" : "connection_failed", delay);
        if (delay > TimeSpan.Zero)
        {
#if NET8_0_OR_GREATER
            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
#else
            await timeProvider.Delay(delay, cancellationToken).ConfigureAwait(false);
#endif
        }
    }

    /// <summary>Exponential backoff with "equal jitter": half the step fixed, half random, so callers spread out.</summary>
    private TimeSpan Backoff(int attemptsMade)
    {
        var step = settings.BaseDelay.Ticks * Math.Pow(2, Math.Min(attemptsMade - 1, 30));
        var capped = Math.Min(step, settings.MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)((capped / 2) + (Jitter.NextDouble() * capped / 2)));
    }
}
