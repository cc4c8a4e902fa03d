using Microsoft.Extensions.Logging;

namespace LivePersonEscalation.Internal;

/// <summary>
/// The library's log events, source-generated, with stable event ids. None carries the API key; the message text
/// is logged only at Trace and only when <see cref="EscalationTelemetryOptions.LogMessageText"/> is on.
/// </summary>
internal static partial class EscalationLog
{
    /// <summary>The logger category of the library.</summary>
    public const string Category = "LivePersonEscalation";

    [LoggerMessage(1, LogLevel.Debug, "Escalating to {Target}, skill {SkillId}")]
    public static partial void Starting(ILogger logger, string target, string skillId);

    [LoggerMessage(2, LogLevel.Information, "Escalation accepted: HTTP {StatusCode}, request id {RequestId}, {Attempts} attempt(s), {ElapsedMs} ms")]
    public static partial void Accepted(ILogger logger, int statusCode, string? requestId, int attempts, long elapsedMs);

    [LoggerMessage(3, LogLevel.Warning, "Escalation failed ({Kind}, HTTP {StatusCode}, request id {RequestId}, {Attempts} attempt(s), {ElapsedMs} ms, outcome unknown: {OutcomeUnknown}, deduplicated: {Deduplicated})")]
    public static partial void Failed(ILogger logger, string kind, int? statusCode, string? requestId, int attempts, long elapsedMs, bool outcomeUnknown, bool deduplicated);

    [LoggerMessage(4, LogLevel.Warning, "Escalation attempt {Attempt} was not accepted ({Reason}); retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, int attempt, string reason, long delayMs);

    [LoggerMessage(5, LogLevel.Information, "Escalation not sent again: the conversation was escalated moments ago (request id {RequestId})")]
    public static partial void Deduplicated(ILogger logger, string? requestId);

    [LoggerMessage(6, LogLevel.Trace, "Escalation message text: {MessageText}")]
    public static partial void MessageText(ILogger logger, string messageText);

    [LoggerMessage(7, LogLevel.Information, "Escalation call canceled by the caller; outcome: {Outcome}")]
    public static partial void Canceled(ILogger logger, string outcome);

    [LoggerMessage(8, LogLevel.Warning, "The duplicate guard's store could not be reached: {Reason} This escalation is not guarded against duplicates from other instances (DuplicateGuard:RefuseWhenStoreUnavailable)")]
    public static partial void GuardStoreFailed(ILogger logger, string reason);

    [LoggerMessage(9, LogLevel.Warning, "An escalation's outcome could not be written to the duplicate guard's store within {TriedForMs} ms; other instances may escalate the conversation again")]
    public static partial void GuardSettleAbandoned(ILogger logger, long triedForMs);

    [LoggerMessage(10, LogLevel.Error, "{Reason} This escalation is handled as DuplicateGuard:RefuseWhenStoreUnavailable says.")]
    public static partial void GuardCapacityReached(ILogger logger, string reason);

    [LoggerMessage(11, LogLevel.Warning, "Transfer to skill {SkillId} failed ({Failures} failure(s) of this conversation); escalating to skill {FallbackSkillId}")]
    public static partial void TransferFailedFallingBack(ILogger logger, string skillId, int failures, string fallbackSkillId);

    [LoggerMessage(12, LogLevel.Warning, "Transfer to skill {SkillId} failed ({Failures} failure(s) of this conversation); gave up: {Reason}. Nothing more is sent for this conversation within Fallback:Window")]
    public static partial void TransferFailedGaveUp(ILogger logger, string skillId, int failures, string reason);

    [LoggerMessage(13, LogLevel.Information, "Transfer failure of skill {SkillId} reported again for the same escalation; not counted again ({Failures} failure(s))")]
    public static partial void TransferFailureRepeated(ILogger logger, string skillId, int failures);

    [LoggerMessage(14, LogLevel.Information, "Escalation to skill {SkillId} not sent: {Decision} ({Availability})")]
    public static partial void AvailabilityWithheld(ILogger logger, string skillId, string decision, string availability);

    [LoggerMessage(15, LogLevel.Debug, "Availability of skill {SkillId}: {Decision} ({Availability})")]
    public static partial void AvailabilityDecided(ILogger logger, string skillId, string decision, string availability);


    [LoggerMessage(17, LogLevel.Error, "The reloaded escalation settings are invalid, so the last valid ones stay in use: {Failures}")]
    public static partial void ReloadRejected(ILogger logger, string failures);

    [LoggerMessage(19, LogLevel.Warning, "An escalation's outcome could not be written to the duplicate guard's store before the host stopped: stopping waits at most {BoundMs} ms (Timeout + 2 x DuplicateGuard:StoreTimeout), and the store had not answered; other instances may escalate the conversation again")]
    public static partial void GuardSettleCutByStop(ILogger logger, long boundMs);

    [LoggerMessage(18, LogLevel.Information, "Escalation settings reloaded: the next escalations go to {Target}")]
    public static partial void Reloaded(ILogger logger, string target);

    private static readonly Func<ILogger, string, IDisposable?> AccountScope = LoggerMessage.DefineScope<string>("Account {Account}");

    /// <summary>The log scope naming a named registration's account, around what it logs of one call.</summary>
    public static IDisposable? BeginAccountScope(ILogger logger, string account) => AccountScope(logger, account);
}
