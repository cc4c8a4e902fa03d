namespace LivePersonEscalation;

/// <summary>Why an escalation failed, and so what to check. See <see cref="EscalationException.Kind"/>.</summary>
public enum EscalationFailureKind
{
    /// <summary>HTTP 401 or 403: the API access key is wrong, or belongs to another region.</summary>
    Unauthorized = 0,

    /// <summary>HTTP 404: the endpoint does not exist; check the region or the explicit endpoint.</summary>
    EndpointNotFound = 1,

    /// <summary>Another HTTP 4xx (not 408): LivePerson refused the body; check the skill id and the ids in the request.</summary>
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

    /// <summary>
    /// A response that is neither success nor an HTTP error, or one that did not come from the escalation endpoint
    /// (a redirect, answered or followed by a host's handler): check the endpoint. Never reported as accepted.
    /// </summary>
    UnexpectedResponse = 9,

    /// <summary>HTTP 408: LivePerson timed out waiting for the request, so it was not accepted; retried like 503.</summary>
    RequestTimeout = 10,

    /// <summary>
    /// Not sent: the conversation was escalated to another skill moments ago (accepted, or with an unknown outcome),
    /// and a second escalation within the duplicate-guard window would transfer it twice. The message names both skills.
    /// </summary>
    AlreadyEscalated = 11,

    /// <summary>
    /// A message handler chained on the client (for example <c>AddStandardResilienceHandler()</c>'s retry or hedging)
    /// tried to send one attempt of the escalation a second time, and the library refused; the first may have been
    /// accepted. Remove that handler from the escalation client, or call <c>DisableForUnsafeHttpMethods()</c> on its retry.
    /// </summary>
    RepeatedSend = 12,

    /// <summary>
    /// Another call was sending this escalation and was canceled after its request may have reached LivePerson:
    /// the outcome is unknown. Check the conversation before escalating it again.
    /// </summary>
    Canceled = 13,

    /// <summary>
    /// Not sent: the duplicate guard's shared store (Redis) could not be reached in time, and
    /// <see cref="DuplicateGuardOptions.RefuseWhenStoreUnavailable"/> is true.
    /// </summary>
    GuardUnavailable = 14,

    /// <summary>
    /// Not sent: the library gave up transferring this conversation, because its transfers failed
    /// <see cref="EscalationFallbackOptions.MaxTransferFailures"/> times, or a failed skill had no fallback (see
    /// <see cref="EscalationException.TransferFailures"/> and the message). Nothing is sent for it within
    /// <see cref="EscalationFallbackOptions.Window"/>: tell the user, and keep the bot talking instead of escalating again.
    /// </summary>
    GaveUp = 15,

    /// <summary>
    /// Nothing recorded or sent: a transfer-failure report names an escalation this conversation's record never issued
    /// (another conversation's, a forged or mistyped id), or the library knows no accepted escalation of the
    /// conversation (it was never escalated, or its record is gone: past <see cref="EscalationFallbackOptions.Window"/>,
    /// or lost by the shared store). Report with <see cref="EscalationResult.EscalationId"/> exactly as it was
    /// returned; when the record is gone, escalate the conversation again instead.
    /// </summary>
    UnknownEscalation = 16,

    /// <summary>
    /// The request names a skill (<see cref="EscalationRequest.AgentSkillName"/>, or a report's fallback) that is not in
    /// <see cref="EscalationOptions.Skills"/>: nothing was sent. Skill names often come from runtime data (an intent);
    /// the message lists the known names and how to add this one.
    /// </summary>
    UnknownSkill = 17,
}
