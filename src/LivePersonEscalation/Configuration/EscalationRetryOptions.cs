namespace LivePersonEscalation;

/// <summary>
/// When an escalation is sent again automatically. An escalation is not idempotent, so it is retried only when it
/// provably was not accepted and may be taken later: the connection could not be made, or LivePerson answered 408,
/// 429 or 503. It is never retried after it may have reached LivePerson (timeout after sending, connection lost,
/// other 5xx), nor after another 4xx (the same request gets the same answer).
/// Bound from <c>LivePerson:Escalation:Retry</c>.
/// </summary>
public sealed class EscalationRetryOptions
{
    /// <summary>The most attempts in all, 1 to 10; 1 turns retries off. Defaults to 4.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>
    /// The time budget from the first attempt: no retry starts whose delay would end beyond it. Defaults to 30 seconds.
    /// One attempt in flight may still run its own <see cref="EscalationOptions.Timeout"/> to its end.
    /// </summary>
    public TimeSpan TotalBudget { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The first backoff delay, doubled each retry with jitter, when the server gave no <c>Retry-After</c>. Defaults to 500 ms.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest backoff delay. Defaults to 8 seconds. A server's <c>Retry-After</c> is honoured as given, within <see cref="TotalBudget"/>.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(8);
}
