using System.Text.Json.Serialization;

namespace LivePersonEscalation.Internal;

/// <summary>
/// The post body exactly as it goes on the wire: six JSON strings, never null, in the documented order.
/// Built from a validated <see cref="EscalationRequest"/> by <see cref="EscalationRequestValidator"/>.
/// </summary>
internal readonly struct EscalationRequestBody
{
    [JsonPropertyName("userPlatformId")]
    public required string UserPlatformId { get; init; }

    [JsonPropertyName("chatBotId")]
    public required string ChatBotId { get; init; }

    [JsonPropertyName("message")]
    public required string Message { get; init; }

    [JsonPropertyName("conversationId")]
    public required string ConversationId { get; init; }

    [JsonPropertyName("agentSkillName")]
    public required string AgentSkillName { get; init; }

    [JsonPropertyName("agentSkillId")]
    public required string AgentSkillId { get; init; }
}
