namespace LivePersonEscalation.Tests;

public static class TestData
{
    public const string ApiKey = "test-key-7f3a9c";

    public static EscalationOptions Options(Action<EscalationOptions>? configure = null)
    {
        var options = new EscalationOptions { ApiAccessKey = ApiKey };
        configure?.Invoke(options);
        return options;
    }

    public static EscalationRequest Request(Func<EscalationRequest, EscalationRequest>? change = null)
    {
        var request = new EscalationRequest
        {
            UserPlatformId = "user-42",
            ChatBotId = "bot-7",
            ConversationId = "conv-0001",
            AgentSkillId = "1234567890",
            AgentSkillName = "Billing",
            Message = "Hold on while I transfer you to an agent.",
        };
        return change is null ? request : change(request);
    }
}
