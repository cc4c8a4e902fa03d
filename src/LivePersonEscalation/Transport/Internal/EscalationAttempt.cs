namespace LivePersonEscalation.Internal;

/// <summary>
/// One attempt at sending an escalation: its POST, its time (the attempt's timeout linked to the caller's token) and
/// its single send. It rides in the request's options; handlers that clone a request to send it again (a resilience
/// handler's retry or hedging) copy option values by reference, so every copy carries this one attempt, and the
/// innermost <see cref="SingleSendHandler"/> lets it reach the transport once and records that it did.
/// </summary>
internal sealed class EscalationAttempt : IDisposable
{
    private static readonly RequestTag<EscalationAttempt> Tag = new("LivePersonEscalation.Attempt");

    private static readonly string UserAgent = "LivePersonEscalation/" + LibraryVersion.Value;

    private readonly HttpRequestMessage _request;
    private readonly LinkedTimeout _timeout;
    private readonly bool _hasSingleSendHandler;
    private int _sends;

    /// <summary>
    /// Attempt number <paramref name="number"/> of <paramref name="payload"/> to the settings' endpoint.
    /// <paramref name="hasSingleSendHandler"/> says whether the client's pipeline ends in the library's
    /// <see cref="SingleSendHandler"/>, which adds the key innermost and records the send; without it (a host's own
    /// <see cref="HttpClient"/>) the key goes in the <c>Authorization</c> header here, and nobody can tell whether the
    /// attempt was sent.
    /// </summary>
    public EscalationAttempt(int number, EscalationSettings settings, byte[] payload, bool hasSingleSendHandler, TimeProvider timeProvider, CancellationToken callerToken)
    {
        Number = number;
        Endpoint = settings.Endpoint;
        ApiAccessKey = settings.ApiAccessKey;
        _request = new HttpRequestMessage(HttpMethod.Post, settings.Endpoint) { Content = new SingleUseContent(payload) };
        Tag.Set(_request, this);
        _hasSingleSendHandler = hasSingleSendHandler;
        if (!hasSingleSendHandler)
        {
            _request.Headers.TryAddWithoutValidation("Authorization", ApiAccessKey);
        }

        _request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        _timeout = new LinkedTimeout(settings.Timeout, timeProvider, callerToken);
    }

    public int Number { get; }

    public Uri Endpoint { get; }

    /// <summary>The key the innermost handler puts in the <c>Authorization</c> header, below every outer handler and logger.</summary>
    public string ApiAccessKey { get; }

    /// <summary>LivePerson's answer, once the attempt ended with one.</summary>
    public AttemptResponse? Response { get; private set; }

    /// <summary>What ended the attempt when no answer came: a transport failure, a timeout, a chained handler's error.</summary>
    public Exception? Exception { get; private set; }

    /// <summary>
    /// Whether the request had reached the transport, from where it may have reached LivePerson: true once the
    /// innermost handler handed it on (or an answer came); null when the pipeline cannot tell (a host's own
    /// <see cref="HttpClient"/>, without the library's innermost handler).
    /// </summary>
    public bool? ReachedTransport
    {
        get
        {
            if (Response is not null || Volatile.Read(ref _sends) > 0)
            {
                return true;
            }

            return _hasSingleSendHandler ? false : null;
        }
    }

    /// <summary>
    /// True when the attempt may be retried: LivePerson answered 408, 429 or 503, or no connection could be made.
    /// The one place the retry policy and the send loop learn it from.
    /// </summary>
    public bool IsRetryable => Response is { } response
        ? response.ProvesNotAccepted
        : Exception is { } exception && AnswerClassifier.OfException(exception, ReachedTransport).IsRetryable;

    /// <summary>
    /// True only when LivePerson provably did not accept the attempt: it is retryable (above), or the request never
    /// reached the transport.
    /// </summary>
    public bool ProvesNotAccepted => IsRetryable || (Response is null && ReachedTransport == false);

    /// <summary>The attempt a request carries, if it is one.</summary>
    public static EscalationAttempt? Of(HttpRequestMessage request) => Tag.Of(request);

    /// <summary>Counts a send: true for the first only.</summary>
    public bool TryTakeSend() => Interlocked.Increment(ref _sends) == 1;

    /// <summary>
    /// Sends the attempt and reads its (capped) answer within the attempt's time. Never throws: what ended the attempt
    /// is its <see cref="Response"/> or its <see cref="Exception"/>, readable after it is disposed.
    /// </summary>
    public async ValueTask SendAsync(HttpClient httpClient, TimeProvider timeProvider)
    {
        try
        {
            using var response = await httpClient.SendAsync(_request, HttpCompletionOption.ResponseHeadersRead, _timeout.Token).ConfigureAwait(false);
            Response = await AttemptResponse.ReadAsync(Endpoint, response, timeProvider, _timeout.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Every ending is classified by the sender; nothing may escape before the guard is settled.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Exception = ex;
        }
    }

    public void Dispose()
    {
        _request.Dispose();
        _timeout.Dispose();
    }
}
