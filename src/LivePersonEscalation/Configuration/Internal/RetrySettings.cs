namespace LivePersonEscalation.Internal;

/// <summary>The retry settings, named as in <see cref="EscalationRetryOptions"/>.</summary>
internal sealed record RetrySettings(int MaxAttempts, TimeSpan TotalBudget, TimeSpan BaseDelay, TimeSpan MaxDelay);
