namespace LivePersonEscalation.Redis.Tests;

/// <summary>Transfer failures reported to a fleet on one real Redis: the count, the chain and the give-up are shared.</summary>
[Collection(SharedRedisGroup.Name)]
public sealed class TransferFailureFleetTests(SharedRedis redis) : IAsyncLifetime
{
    private const string Billing = "111";
    private const string General = "222";
    private const string Overflow = "333";

    private readonly Instances _instances = new(); // disposed in DisposeAsync
    private EscalationEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await EscalationEmulator.StartAsync();

    public async Task DisposeAsync()
    {
        await _instances.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    private IEscalationClient Instance() => _instances.Start(_emulator, redis.Server.Configuration, options =>
    {
        options.Skills["billing"] = Billing;
        options.Skills["general"] = General;
        options.Skills["overflow"] = Overflow;
        options.Fallback.Skills["billing"] = "general";
        options.Fallback.Skills["general"] = "overflow";
    });

    private static TransferFailureReport Report(string conversationId, string? escalationId) => new()
    {
        UserPlatformId = TestRequests.UserPlatformId,
        ChatBotId = TestRequests.ChatBotId,
        ConversationId = conversationId,
        EscalationId = escalationId,
        Message = "Let me try another team.",
    };

    private IEnumerable<string> SentSkills => _emulator.Escalations.Select(e => e.AgentSkillId);

    [Fact]
    public async Task Two_instances_share_the_count_the_chain_and_the_give_up()
    {
        var conversation = $"chain-{Guid.NewGuid():N}";
        var (one, two) = (Instance(), Instance());
        var first = await one.EscalateAsync(TestRequests.For(conversation, Billing));

        var toGeneral = await two.ReportTransferFailureAsync(Report(conversation, first.EscalationId));
        var repeatedElsewhere = await one.ReportTransferFailureAsync(Report(conversation, first.EscalationId));
        var retryOnOne = await one.EscalateAsync(TestRequests.For(conversation, General));
        var toOverflow = await one.ReportTransferFailureAsync(Report(conversation, toGeneral.EscalationId));
        var gaveUp = await two.ReportTransferFailureAsync(Report(conversation, toOverflow.EscalationId));
        var refusedOnOne = await Assert.ThrowsAsync<EscalationException>(() => one.EscalateAsync(TestRequests.For(conversation, Billing)));
        var refusedOnTwo = await Assert.ThrowsAsync<EscalationException>(() => two.EscalateAsync(TestRequests.For(conversation, Overflow)));

        Assert.Equal([Billing, General, Overflow], SentSkills);
        Assert.Equal((1, General), (toGeneral.TransferFailures, toGeneral.FallbackSkillId));
        Assert.True(repeatedElsewhere.IsRepeatedReport);
        Assert.Equal(1, repeatedElsewhere.TransferFailures);
        Assert.Equal(toGeneral.EscalationId, repeatedElsewhere.EscalationId);
        Assert.True(retryOnOne.IsDeduplicated);
        Assert.Equal(toGeneral.EscalationId, retryOnOne.EscalationId);
        Assert.Equal((2, Overflow), (toOverflow.TransferFailures, toOverflow.FallbackSkillId));
        Assert.Equal(3, gaveUp.TransferFailures);
        Assert.True(gaveUp.GaveUp);
        Assert.Equal(EscalationFailureKind.GaveUp, refusedOnOne.Kind);
        Assert.Equal(EscalationFailureKind.GaveUp, refusedOnTwo.Kind);
        Assert.Equal(3, refusedOnTwo.TransferFailures);
        Assert.Equal(0, _instances.GuardUnavailableCount);
    }

    [Fact]
    public async Task The_same_report_racing_on_two_instances_counts_once_and_sends_one_fallback()
    {
        var conversation = $"race-{Guid.NewGuid():N}";
        var instances = new[] { Instance(), Instance() };
        var first = await instances[0].EscalateAsync(TestRequests.For(conversation, Billing));

        var reports = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            instances[i % 2].ReportTransferFailureAsync(Report(conversation, first.EscalationId)).WaitAsync(TimeSpan.FromSeconds(60))));

        Assert.Equal([Billing, General], SentSkills);
        Assert.Single(reports, r => !r.IsRepeatedReport);
        Assert.All(reports, r => Assert.Equal(1, r.TransferFailures));
        Assert.Single(reports.Select(r => r.EscalationId).Distinct());
    }

    [Fact]
    public async Task An_instance_whose_own_entry_is_stale_follows_the_report_another_instance_recorded()
    {
        var conversation = $"stale-{Guid.NewGuid():N}";
        var (one, two) = (Instance(), Instance());
        var first = await one.EscalateAsync(TestRequests.For(conversation, Billing));
        var again = await one.EscalateAsync(TestRequests.For(conversation, Billing));

        await two.ReportTransferFailureAsync(Report(conversation, first.EscalationId) with { FallbackSkillName = "billing" });
        var afterReport = await one.EscalateAsync(TestRequests.For(conversation, Billing));

        Assert.True(again.IsDeduplicated);
        Assert.Equal([Billing, Billing], SentSkills);
        Assert.True(afterReport.IsDeduplicated);
        Assert.NotEqual(first.EscalationId, afterReport.EscalationId);
    }
}
