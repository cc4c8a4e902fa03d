using LivePersonEscalation.Internal;
namespace LivePersonEscalation.Benchmarks;

/// <summary>One realistic escalation, shared by every benchmark and its baselines.</summary>
internal static class SampleData
{
    public const string ApiKey = "benchmark-api-key-0123456789abcdef";
    public const string UserPlatformId = "6a1c4f1e-4d7b-4bd4-9f9a-2b6a7e0c9d11";
    public const string ChatBotId = "c3b1e7aa-8f2d-4f64-b1a2-5d9e0f7a3c21";
    public const string Message = "Hold on while I transfer you to an agent.";
    public const string SkillName = "Billing";
    public const string SkillId = "1234567890";

    public static readonly Uri Endpoint = new("https://platformservice.botcentralapi.com/botservice-0.1/botcentral/livePersonAgent");

    public static EscalationRequest Request(string conversationId) => new()
    {
        UserPlatformId = UserPlatformId,
        ChatBotId = ChatBotId,
        ConversationId = conversationId,
        AgentSkillName = SkillName,
        AgentSkillId = SkillId,
        Message = Message,
    };

    public static EscalationRequestBody Body(string conversationId) => new()
    {
        UserPlatformId = UserPlatformId,
        ChatBotId = ChatBotId,
        Message = Message,
        ConversationId = conversationId,
        AgentSkillName = SkillName,
        AgentSkillId = SkillId,
    };
}
