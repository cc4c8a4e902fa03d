namespace LivePersonEscalation.WorkerSample;

/// <summary>The conversation the worker hands over, bound from the <c>Demo</c> section.</summary>
internal sealed class DemoConversation
{
    public string ConversationId { get; set; } = "worker-demo-conversation";
    public string UserPlatformId { get; set; } = "worker-demo-user";
    public string ChatBotId { get; set; } = "worker-demo-bot";
    public string SkillName { get; set; } = "billing";
    public string TransferMessage { get; set; } = "Hold on while I transfer you to an agent.";
    public string Channel { get; set; } = "lp_web";
}
