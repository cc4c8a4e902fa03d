namespace LivePersonEscalation.Internal;

/// <summary>
/// What one attempt ended with: an answer, or the exception that ended it and whether the request had reached the
/// transport by then (null when the pipeline cannot tell: a host's own <see cref="HttpClient"/>).
/// </summary>
internal readonly record struct AttemptOutcome(int Attempt, AttemptResponse? Response, Exception? Exception, bool? ReachedTransport)
{
    /// <summary>
    /// True when the attempt may be retried: LivePerson answered 408, 429 or 503, or no connection could be made.
    /// The one place the retry policy and the send loop learn it from.
    /// </summary>
    public bool IsRetryable => Response is { } response
        ? response.ProvesNotAccepted
        : Exception is HttpRequestException transport && TransportErrors.IsConnectFailure(transport);

    /// <summary>
    /// True only when LivePerson provably did not accept the attempt: it is retryable (above), or the request never
    /// reached the transport.
    /// </summary>
    public bool ProvesNotAccepted => IsRetryable || (Response is null && ReachedTransport == false);
}
