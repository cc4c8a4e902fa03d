namespace LivePersonEscalation.Testing;

/// <summary>An escalation the emulator accepted: the six body fields as received.</summary>
/// <param name="UserPlatformId">The <c>userPlatformId</c> value.</param>
/// <param name="ChatBotId">The <c>chatBotId</c> value.</param>
/// <param name="Message">The <c>message</c> value.</param>
/// <param name="ConversationId">The <c>conversationId</c> value.</param>
/// <param name="AgentSkillName">The <c>agentSkillName</c> value.</param>
/// <param name="AgentSkillId">The <c>agentSkillId</c> value.</param>
/// <param name="RequestId">The request id the emulator answered with.</param>
/// <param name="ReceivedAt">When it arrived, on the emulator's time provider.</param>
public sealed record RecordedEscalation(
    string UserPlatformId,
    string ChatBotId,
    string Message,
    string ConversationId,
    string AgentSkillName,
    string AgentSkillId,
    string RequestId,
    DateTimeOffset ReceivedAt)
{
    /// <summary>
    /// True when the emulator was told to fail transfers to this skill (<c>FailTransfersTo</c>): LivePerson accepted
    /// the escalation, and would then send the bot <see cref="TransferFailureReport.EscalationFailedSignal"/>.
    /// </summary>
    public bool TransferFailed { get; init; }
}
