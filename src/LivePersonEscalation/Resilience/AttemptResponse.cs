using System.Net;

namespace LivePersonEscalation;

/// <summary>One attempt's answer, read in full (capped) so the response can be released before any retry delay.</summary>
internal readonly struct AttemptResponse
{
    // netstandard2.0's HttpStatusCode has no TooManyRequests.
    private const HttpStatusCode TooManyRequests = (HttpStatusCode)429;

    /// <summary>The answer of <paramref name="response"/>, whose body was read as <paramref name="body"/>.</summary>
    public AttemptResponse(HttpResponseMessage response, ResponseBody body, TimeProvider timeProvider)
    {
        StatusCode = response.StatusCode;
        Body = body;
        RequestId = EscalationHttpRequest.GetRequestId(response);
        IsRetryable = StatusCode is TooManyRequests or HttpStatusCode.ServiceUnavailable;

        // Only these answers are retried, so only they need their Retry-After parsed.
        RetryAfter = IsRetryable ? RetryAfterOf(response, timeProvider) : null;
    }

    public HttpStatusCode StatusCode { get; }

    public ResponseBody Body { get; }

    public string? RequestId { get; }

    /// <summary>True for 429 and 503: answers that prove the escalation was not accepted.</summary>
    public bool IsRetryable { get; }

    /// <summary>The delay the server asked for with <c>Retry-After</c> (a delay, or a date compared with the clock), if it did.</summary>
    public TimeSpan? RetryAfter { get; }

    public bool IsSuccess => (int)StatusCode is >= 200 and <= 299;

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
