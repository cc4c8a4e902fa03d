namespace LivePersonEscalation.Availability.Internal;

/// <summary>
/// A LivePerson account API that did not answer usefully: the message says which API and why, never a token or a
/// secret. The snapshot keeps its last good data and reports the reason as the answer's
/// <see cref="SkillAvailability.UnknownReason"/>.
/// </summary>
internal sealed class AccountApiException : Exception
{
    public AccountApiException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public AccountApiException()
    {
    }

    public AccountApiException(string message)
        : base(message)
    {
    }

    /// <summary>The API's status when it answered one (not 2xx); null when it did not answer.</summary>
    public System.Net.HttpStatusCode? StatusCode { get; init; }

    /// <summary>The API's <c>Retry-After</c>, when it sent one (a 429).</summary>
    public TimeSpan? RetryAfter { get; init; }
}
