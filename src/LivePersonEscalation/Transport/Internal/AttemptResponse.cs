using System.Net;

namespace LivePersonEscalation.Internal;

/// <summary>One attempt's answer, read in full (capped) so the response can be released before any retry delay.</summary>
internal sealed partial class AttemptResponse
{
    /// <summary>Correlation headers a service may answer with, in order of preference.</summary>
    private static readonly string[] RequestIdHeaders = ["X-Request-Id", "X-Correlation-Id", "Request-Id"];

    private AttemptResponse(Uri endpoint, HttpResponseMessage response, string body, bool isBodyTruncated, TimeProvider timeProvider)
    {
        StatusCode = response.StatusCode;
        Body = body;
        IsBodyTruncated = isBodyTruncated;
        RequestId = RequestIdOf(response);

        // A handler that followed a redirect answers for another address (.NET's handlers rewrite the request they
        // follow in place): the escalation endpoint's own answer was the redirect. The body went along only when
        // the request stayed a POST (307, 308).
        if (response.RequestMessage is { } answered && answered.RequestUri != endpoint)
        {
            FollowedRedirectTo = answered.RequestUri;
            BodyFollowedRedirect = answered.Method == HttpMethod.Post;
        }

        // Only these answers are retried, so only they need their Retry-After parsed.
        RetryAfter = ProvesNotAccepted ? RetryAfterOf(response, timeProvider) : null;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The body's text, at most <see cref="MaxBytes"/> of it.</summary>
    public string Body { get; }

    public bool IsBodyTruncated { get; }

    public string? RequestId { get; }

    /// <summary>Where a handler below the client followed a redirect to, when it did.</summary>
    public Uri? FollowedRedirectTo { get; }

    /// <summary>True when a followed redirect re-sent the body (a 307 or 308): it may have been acted on there.</summary>
    public bool BodyFollowedRedirect { get; }

    /// <summary>What the answer means (see <see cref="AnswerClassifier"/>): the endpoint's own status, or a redirect a handler followed.</summary>
    public AnswerClass Class => FollowedRedirectTo is null ? AnswerClassifier.OfStatus(StatusCode) : AnswerClassifier.OfRedirect(BodyFollowedRedirect);

    /// <summary>An acceptance of the escalation endpoint itself: LivePerson accepted the escalation.</summary>
    public bool IsAccepted => Class.Outcome == EscalationOutcome.Accepted;

    /// <summary>An answer of the endpoint itself that proves the escalation was not accepted and may be retried (408, 429, 503).</summary>
    public bool ProvesNotAccepted => Class.IsRetryable;

    /// <summary>The delay the server asked for with <c>Retry-After</c> (a delay, or a date compared with the clock), if it did.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Reads the answer of <paramref name="response"/> to a POST to <paramref name="endpoint"/>, its body within <paramref name="attemptToken"/>.</summary>
    public static async ValueTask<AttemptResponse> ReadAsync(Uri endpoint, HttpResponseMessage response, TimeProvider timeProvider, CancellationToken attemptToken)
    {
        var (body, truncated) = await ReadBodyAsync(response.Content, attemptToken).ConfigureAwait(false);
        return new AttemptResponse(endpoint, response, body, truncated, timeProvider);
    }

    private static string? RequestIdOf(HttpResponseMessage response)
    {
        foreach (var name in RequestIdHeaders)
        {
#if NET
            if (response.Headers.NonValidated.TryGetValues(name, out var values))
#else
            if (response.Headers.TryGetValues(name, out var values))
#endif
            {
                foreach (var value in values)
                {
                    if (!string.IsNullOrWhiteSpace(value))
                    {
                        return value;
                    }
                }
            }
        }

        return null;
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response, TimeProvider timeProvider)
    {
        if (response.Headers.RetryAfter is not { } header)
        {
            return null;
        }

        var delay = header.Delta ?? (header.Date is { } date ? date - timeProvider.GetUtcNow() : TimeSpan.Zero);
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }
}
