using LivePersonEscalation.Internal;

namespace LivePersonEscalation.Tests.DuplicateGuard.Fleet;

/// <summary>
/// Instances of the client that share one store (an in-process store standing in for Redis, behind a switch that
/// can make it fail), each with its own in-process tier, all answering from one recorded wire.
/// </summary>
internal sealed class FleetInstances
{
    public const string Billing = "111";
    public const string General = "222";
    public const string Overflow = "333";

    public FleetInstances(TimeProvider time, int count = 2)
    {
        Time = time;
        Shared = new SwitchableStore(new InProcessGuardStore(10_000, 64L * 1024 * 1024, time));
        Clients = Enumerable.Range(0, count).Select(_ => Create()).ToArray();
    }

    public TimeProvider Time { get; }

    public WireRecorder Wire { get; } = new();

    public SwitchableStore Shared { get; }

    public IReadOnlyList<EscalationClient> Clients { get; }

    public IEnumerable<string> SentSkills => Wire.Requests.Select(r => r.Json.GetProperty("agentSkillId").GetString()!);

    public static TransferFailureReport Report(string conversationId, string? escalationId) => new()
    {
        UserPlatformId = TestData.Request().UserPlatformId,
        ChatBotId = TestData.Request().ChatBotId,
        ConversationId = conversationId,
        EscalationId = escalationId,
        Message = "Let me try another team.",
    };

    public static EscalationRequest To(string conversationId, string skillId) =>
        TestData.Request(r => r with { ConversationId = conversationId, AgentSkillId = skillId, AgentSkillName = null });

    private EscalationClient Create()
    {
        var options = TestData.Options(o =>
        {
            o.Retry.MaxAttempts = 1;
            o.Skills["billing"] = Billing;
            o.Skills["general"] = General;
            o.Skills["overflow"] = Overflow;
            o.Fallback.Skills["billing"] = "general";
            o.Fallback.Skills["general"] = "overflow";
            o.DuplicateGuard.Redis.OperationTimeout = TimeSpan.FromSeconds(1);
        });
        var runtime = new EscalationRuntime(EscalationSettings.Create(options), Time, sharedGuardStore: Shared);
        return new EscalationClient(Wire.CreateHttpClient(), runtime, hasSingleSendHandler: false);
    }
}
