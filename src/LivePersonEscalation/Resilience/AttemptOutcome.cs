namespace LivePersonEscalation;

/// <summary>
/// What a call's last attempt ended with (an answer, or the exception that ended it), how many attempts were made,
/// and why no further retry was made (null when none was possible at all).
/// </summary>
internal readonly record struct AttemptOutcome(AttemptResponse? Response, Exception? Exception, int Attempts, string? StopReason);
