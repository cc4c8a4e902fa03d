namespace LivePersonEscalation;

/// <summary>
/// One escalation: the documented <c>livePersonAgent</c> post body, field for field. It is validated before anything
/// is sent; an invalid request throws an <see cref="ArgumentException"/> that names the field.
/// </summary>
/// <example>
/// <code>
/// var request = new EscalationRequest
/// {
///     UserPlatformId = userPlatformId,   // {$chatBotUserPlatformId}
///     ChatBotId = chatBotId,             // {$chatBotId}
///     ConversationId = conversationId,   // {$conversationId}
///     AgentSkillId = "1234567890",
///     Message = "Hold on while I transfer you to an agent.",
/// };
/// </code>
/// </example>
public sealed record EscalationRequest
{
    /// <summary>
    /// The message LivePerson's documentation says to send when no transfer message should be shown:
    /// the transfer API requires a message, and this one satisfies it without sending anything.
    /// </summary>
    public const string BlankMessage = "BLANK_MESSAGE";

    /// <summary>The longest id accepted (user platform, chatbot and conversation ids): 256 characters.</summary>
    public const int MaxIdLength = 256;

    /// <summary>The longest skill name accepted: 256 characters.</summary>
    public const int MaxSkillNameLength = 256;

    /// <summary>
    /// The longest transfer message accepted: 10,000 characters, counted as Unicode characters (code points), so an
    /// emoji counts once although .NET stores it as two UTF-16 units.
    /// </summary>
    public const int MaxMessageLength = 10_000;

    /// <summary>
    /// <c>userPlatformId</c>: the user's id within the Conversation Builder bot platform
    /// (the template variable <c>{$chatBotUserPlatformId}</c>, or <c>botContext.getUserPlatformId()</c>). Required.
    /// </summary>
    public required string UserPlatformId { get; init; }

    /// <summary><c>chatBotId</c>: the bot's id (the template variable <c>{$chatBotId}</c>). Required.</summary>
    public required string ChatBotId { get; init; }

    /// <summary>
    /// <c>message</c>: the transfer message, guaranteed to be the last one the user sees before the transfer
    /// (<c>{$botContext.transferMessage}</c>). May contain line breaks. When null or blank,
    /// <see cref="BlankMessage"/> is sent. At most <see cref="MaxMessageLength"/> characters.
    /// </summary>
    public string? Message { get; init; }

    /// <summary>
    /// <c>conversationId</c>: the LivePerson conversation to escalate (<c>{$conversationId}</c>, or
    /// <c>botContext.getConversationId()</c>). Required.
    /// </summary>
    public required string ConversationId { get; init; }

    /// <summary>
    /// <c>agentSkillName</c>: the skill's display name (sent as <c>""</c> when null). When
    /// <see cref="AgentSkillId"/> is not set, the name is looked up in <see cref="EscalationOptions.Skills"/>.
    /// </summary>
    public string? AgentSkillName { get; init; }

    /// <summary>
    /// <c>agentSkillId</c>: the numeric id of the skill (queue) to transfer to: ASCII digits only. LivePerson
    /// evaluates it first and silently sends the fallback message when it is not numeric, so a non-numeric id is
    /// rejected here, before sending. May be left unset when <see cref="AgentSkillName"/> names a skill configured
    /// in <see cref="EscalationOptions.Skills"/>.
    /// </summary>
    public string? AgentSkillId { get; init; }

    /// <summary>
    /// Describes the request with its skill, but without its ids or message: conversation and user ids are personal
    /// data, and telemetry records them only when opted in (see <see cref="EscalationTelemetryOptions"/>).
    /// </summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() =>
        $"EscalationRequest {{ AgentSkillId = {AgentSkillId ?? "(from AgentSkillName)"}, AgentSkillName = {AgentSkillName ?? "(none)"}, " +
        $"UserPlatformId = {Mask(UserPlatformId)}, ChatBotId = {Mask(ChatBotId)}, ConversationId = {Mask(ConversationId)}, " +
        $"Message = {(string.IsNullOrWhiteSpace(Message) ? "(blank)" : $"({Message!.Length} characters)")} }}";

    private static string Mask(string? id) => string.IsNullOrEmpty(id) ? "(not set)" : "***";
}
