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
        var request = TestRequests.For("conv-0001", skillId: "1234567890") with { AgentSkillName = "Billing" };
        return change is null ? request : change(request);
    }
}
