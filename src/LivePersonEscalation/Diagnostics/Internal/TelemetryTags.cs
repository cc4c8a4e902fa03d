namespace LivePersonEscalation.Internal;

/// <summary>The names of the library's activity, tags and outcome values, in one place (OpenTelemetry conventions where they exist).</summary>
internal static class TelemetryTags
{
    public const string ActivityName = "liveperson.escalate";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string StatusCode = "http.response.status_code";
    public const string ErrorType = "error.type";
    public const string Region = "liveperson.region";
    public const string SkillId = "liveperson.skill.id";
    public const string ConversationId = "liveperson.conversation.id";
    public const string Attempts = "liveperson.escalation.attempts";
    public const string Outcome = "liveperson.escalation.outcome";
    public const string StatusClass = "liveperson.escalation.status_class";
    public const string RetryReason = "liveperson.retry.reason";
    public const string RetryAttempt = "liveperson.retry.attempt";
    public const string GuardUnavailable = "liveperson.guard.unavailable";
    public const string GuardReason = "liveperson.guard.reason";

    /// <summary>Values of <see cref="Outcome"/>.</summary>
    public const string TransferFailureActivityName = "liveperson.transfer_failure";
    public const string TransferOutcome = "liveperson.transfer.outcome";
    public const string TransferFailures = "liveperson.transfer.failures";
    public const string FallbackSkillId = "liveperson.fallback.skill.id";

    public const string Fallback = "fallback";
    public const string GaveUp = "gave_up";
    public const string Repeated = "repeated";

    public const string AvailabilityActivityName = "liveperson.availability";
    public const string AvailabilityDecision = "liveperson.availability.decision";
    public const string AvailabilityUnknownReason = "liveperson.availability.unknown_reason";
    public const string ExpectedWaitSeconds = "liveperson.availability.expected_wait_seconds";
    public const string Succeeded = "succeeded";

    public const string Accepted = "accepted";
    public const string Deduplicated = "deduplicated";
    public const string Failed = "failed";
    public const string Canceled = "canceled";
}
