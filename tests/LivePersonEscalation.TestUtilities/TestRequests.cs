namespace LivePersonEscalation.TestUtilities;

/// <summary>
/// The escalation request every test starts from: valid as LivePerson documents it, so a test changes only what it
/// is about (<c>TestRequests.For("conv-7") with { Message = "..." }</c>).
/// </summary>
public static class TestRequests
{
    public const string UserPlatformId = "upid-1";
    public const string ChatBotId = "bot-1";
    public const string Message = "Hold on while I transfer you to an agent.";

    /// <summary>An escalation of <paramref name="conversationId"/> to the skill with id <paramref name="skillId"/>.</summary>
    public static EscalationRequest For(string conversationId = "conv-1", string skillId = "111") => new()
    {
        UserPlatformId = UserPlatformId,
        ChatBotId = ChatBotId,
        ConversationId = conversationId,
        AgentSkillId = skillId,
        Message = Message,
    };

    /// <summary>
    /// The bot's report that the transfer of <paramref name="conversationId"/>'s escalation
    /// <paramref name="escalationId"/> (null: the latest) failed.
    /// </summary>
    public static TransferFailureReport TransferFailure(string conversationId, string? escalationId) => new()
    {
        UserPlatformId = UserPlatformId,
        ChatBotId = ChatBotId,
        ConversationId = conversationId,
        EscalationId = escalationId,
        Message = "Let me try another team.",
    };

    /// <summary>
    /// An escalation of <paramref name="conversationId"/> to the skill named <paramref name="skillName"/>, which the
    /// client resolves through its <c>Skills</c> option.
    /// </summary>
    public static EscalationRequest ForSkillName(string conversationId, string skillName = "billing") => new()
    {
        UserPlatformId = UserPlatformId,
        ChatBotId = ChatBotId,
        ConversationId = conversationId,
        AgentSkillName = skillName,
        Message = Message,
    };
}
