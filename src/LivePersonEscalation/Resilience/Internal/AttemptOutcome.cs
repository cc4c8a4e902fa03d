namespace LivePersonEscalation.Internal;

/// <summary>
/// What one attempt ended with: an answer, or the exception that ended it and whether the request had reached the
/// transport by then (null when the pipeline cannot tell: a host's own <see cref="HttpClient"/>).
/// </summary>
internal readonly record struct AttemptOutcome(int Attempt, AttemptResponse? Response, Exception? Exception, bool? ReachedTransport)
{
    /// <summary>
    /// True only when LivePerson provably did not accept the attempt: it answered 408, 429 or 503, no connection
    /// could be made, or the request never reached the transport.
    /// </summary>
    public bool ProvesNotAccepted => Response is { } response
        ? response.ProvesNotAccepted
        : (Exception is HttpRequestException transport && TransportErrors.IsConnectFailure(transport)) || ReachedTransport == false;
}
