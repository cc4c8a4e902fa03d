namespace LivePersonEscalation;

/// <summary>Why an escalation failed, and so what to check. See <see cref="EscalationException.Kind"/>.</summary>
public enum EscalationFailureKind
{
    /// <summary>HTTP 401 or 403: the API access key is wrong, or belongs to another region.</summary>
    Unauthorized = 0,

    /// <summary>HTTP 404: the endpoint does not exist; check the region or the explicit endpoint.</summary>
    EndpointNotFound = 1,

    /// <summary>Another HTTP 4xx: LivePerson refused the body; check the skill id and the ids in the request.</summary>
    Rejected = 2,

    /// <summary>HTTP 429: LivePerson asked to slow down, and no retry was possible within the time budget.</summary>
    RateLimited = 3,

    /// <summary>HTTP 503: LivePerson is unavailable, and no retry was possible within the time budget. The escalation was not accepted.</summary>
    ServiceUnavailable = 4,

    /// <summary>Another HTTP 5xx: LivePerson failed while handling the escalation; whether it was accepted is unknown.</summary>
    ServerError = 5,

    /// <summary>No connection could be made (refused, unreachable, name not resolved): the escalation was not sent.</summary>
    ConnectionFailed = 6,

    /// <summary>The connection closed or reset after the request was sent and before a response: the outcome is unknown.</summary>
    ConnectionLost = 7,

    /// <summary>No response arrived within <see cref="EscalationOptions.Timeout"/>: the outcome is unknown.</summary>
    Timeout = 8,

    /// <summary>A response that is neither success nor an HTTP error (for example a redirect): check the endpoint.</summary>
    UnexpectedResponse = 9,
}
