using System.Net;

namespace LivePersonEscalation;

/// <summary>One attempt's answer, read in full (capped) so the response can be released before any retry delay.</summary>
internal readonly struct AttemptResponse(HttpStatusCode statusCode, ResponseBody body, string? requestId, RetryConditionValue? retryAfter)
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    public ResponseBody Body { get; } = body;

    public string? RequestId { get; } = requestId;

    public RetryConditionValue? RetryAfter { get; } = retryAfter;

    public bool IsSuccess => (int)StatusCode is >= 200 and <= 299;
}

/// <summary>A <c>Retry-After</c> header: a delay, or a date to compare with the clock.</summary>
internal readonly record struct RetryConditionValue(TimeSpan? Delta, DateTimeOffset? Date)
{
    public static RetryConditionValue? From(HttpResponseMessage response) =>
        response.Headers.RetryAfter is { } header ? new RetryConditionValue(header.Delta, header.Date) : null;

    public TimeSpan DelayFrom(DateTimeOffset now)
    {
        var delay = Delta ?? (Date is { } date ? date - now : TimeSpan.Zero);
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }
}
