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

    public FleetInstances(TimeProvider time, int count = 2, Action<EscalationOptions>? configure = null)
    {
        Time = time;
        Store = new InProcessGuardStore(10_000, 64L * 1024 * 1024, time);
        Links = Enumerable.Range(0, count).Select(_ => new SwitchableStore(Store)).ToArray();
        Runtimes = Links.Select(link => Runtime(link, configure)).ToArray();
        Clients = Runtimes.Select(runtime => new EscalationClient(Wire.CreateHttpClient(), runtime, hasSingleSendHandler: false)).ToArray();
    }

    public TimeProvider Time { get; }

    public WireRecorder Wire { get; } = new();

    /// <summary>The store the instances share, as Redis would be.</summary>
    public InProcessGuardStore Store { get; }

    /// <summary>Each instance's link to <see cref="Store"/>, each able to fail on its own.</summary>
    public IReadOnlyList<SwitchableStore> Links { get; }

    public IReadOnlyList<EscalationRuntime> Runtimes { get; }

    public IReadOnlyList<EscalationClient> Clients { get; }

    public IEnumerable<string> SentSkills => Wire.Requests.Select(r => r.Json.GetProperty("agentSkillId").GetString()!);

    public static TransferFailureReport Report(string conversationId, string? escalationId) => TestRequests.TransferFailure(conversationId, escalationId);

    public static EscalationRequest To(string conversationId, string skillId) =>
        TestData.Request(r => r with { ConversationId = conversationId, AgentSkillId = skillId, AgentSkillName = null });

    /// <summary>Waits, within a bound, until no instance has a write to the shared store still under way.</summary>
    public async Task WritesLandedAsync()
    {
        for (var i = 0; i < 1_000 && Runtimes.Any(r => r.DuplicateGuard!.PendingWriteCount > 0); i++)
        {
            await Task.Delay(10);
        }

        Assert.All(Runtimes, r => Assert.Equal(0, r.DuplicateGuard!.PendingWriteCount));
    }

    private EscalationRuntime Runtime(SwitchableStore link, Action<EscalationOptions>? configure)
    {
        var options = TestData.Options(o =>
        {
            o.Retry.MaxAttempts = 1;
            o.Skills["billing"] = Billing;
            o.Skills["general"] = General;
            o.Skills["overflow"] = Overflow;
            o.Fallback.Skills["billing"] = "general";
            o.Fallback.Skills["general"] = "overflow";
            o.DuplicateGuard.StoreTimeout = TimeSpan.FromSeconds(1);
            configure?.Invoke(o);
        });
        return new EscalationRuntime(EscalationSettings.Create(options), Time, sharedGuardStore: link);
    }
}
