namespace LivePersonEscalation;

/// <summary>
/// A report that the transfer of an accepted escalation failed (the bot heard <see cref="TransferFailureReport.EscalationFailedSignal"/>),
/// with what the escalation to the fallback skill needs. Validated like an <see cref="EscalationRequest"/>, before
/// anything is recorded or sent.
/// </summary>
/// <example>
/// <code>
/// var report = new TransferFailureReport
/// {
///     UserPlatformId = userPlatformId,
///     ChatBotId = chatBotId,
///     ConversationId = conversationId,
///     EscalationId = escalationId,         // EscalationResult.EscalationId of the escalation whose transfer failed
///     Message = "Let me try another team for you.",
/// };
/// </code>
/// </example>
public sealed record TransferFailureReport
{
    /// <summary>
    /// The user message LivePerson sends the bot when a transfer to a skill fails after it accepted the escalation
    /// (mostly in Chat, sometimes in Messaging): <c>__agent_escalation_failed__</c>. The bot should catch it, tell the
    /// user, and report it with a <see cref="TransferFailureReport"/> rather than escalate again in a loop: after the
    /// fourth failure LivePerson stops escalating and tells the user it cannot transfer at this time.
    /// </summary>
    public const string EscalationFailedSignal = "__agent_escalation_failed__";

    /// <summary>
    /// True when <paramref name="message"/> is the platform's <see cref="EscalationFailedSignal"/> (exact match,
    /// surrounding white space ignored). Call it on each incoming user message before handling it as user text.
    /// </summary>
    /// <param name="message">The incoming message text.</param>
    /// <returns>True for the failure signal.</returns>
    public static bool IsEscalationFailedSignal(string? message) =>
        message is not null && string.Equals(message.Trim(), EscalationFailedSignal, StringComparison.Ordinal);

    /// <summary><c>userPlatformId</c> of the conversation, for the escalation to the fallback skill. Required.</summary>
    public required string UserPlatformId { get; init; }

    /// <summary><c>chatBotId</c>, for the escalation to the fallback skill. Required.</summary>
    public required string ChatBotId { get; init; }

    /// <summary>The conversation whose transfer failed. Required.</summary>
    public required string ConversationId { get; init; }

    /// <summary>
    /// The <see cref="EscalationResult.EscalationId"/> of the escalation whose transfer failed, so that a report
    /// repeated for it counts once. When null, the conversation's latest accepted escalation is meant. Only an
    /// escalation this conversation's record issued counts: any other id is refused (<see cref="EscalationFailureKind.UnknownEscalation"/>).
    /// </summary>
    public string? EscalationId { get; init; }

    /// <summary>
    /// The numeric id of the skill to escalate to now, instead of the configured fallback
    /// (<see cref="EscalationFallbackOptions.Skills"/>); or leave it unset and name one in <see cref="FallbackSkillName"/>.
    /// </summary>
    public string? FallbackSkillId { get; init; }

    /// <summary>The configured name of the skill to escalate to now, instead of the configured fallback.</summary>
    public string? FallbackSkillName { get; init; }

    /// <summary>The transfer message of the escalation to the fallback skill; <see cref="EscalationRequest.BlankMessage"/> when blank.</summary>
    public string? Message { get; init; }

    /// <summary>Describes the report without its ids or message (personal data).</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() =>
        $"TransferFailureReport {{ EscalationId = {EscalationId ?? "(latest)"}, " +
        $"FallbackSkillId = {FallbackSkillId ?? "(configured)"}, FallbackSkillName = {FallbackSkillName ?? "(configured)"}, ConversationId = *** }}";
}
