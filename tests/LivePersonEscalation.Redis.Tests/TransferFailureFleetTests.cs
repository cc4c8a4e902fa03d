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

    private IEnumerable<string> SentSkills => _emulator.Escalations.Select(e => e.AgentSkillId);

    [Fact]
    public async Task Two_instances_share_the_count_the_chain_and_the_give_up()
    {
        var conversation = $"chain-{Guid.NewGuid():N}";
        var (one, two) = (Instance(), Instance());
        var first = await one.EscalateAsync(TestRequests.For(conversation, Billing));

        var toGeneral = await two.ReportTransferFailureAsync(TestRequests.TransferFailure(conversation, first.EscalationId));
        var repeatedElsewhere = await one.ReportTransferFailureAsync(TestRequests.TransferFailure(conversation, first.EscalationId));
        var retryOnOne = await one.EscalateAsync(TestRequests.For(conversation, General));
        var toOverflow = await one.ReportTransferFailureAsync(TestRequests.TransferFailure(conversation, toGeneral.EscalationId));
        var gaveUp = await two.ReportTransferFailureAsync(TestRequests.TransferFailure(conversation, toOverflow.EscalationId));
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
            instances[i % 2].ReportTransferFailureAsync(TestRequests.TransferFailure(conversation, first.EscalationId)).WaitAsync(TimeSpan.FromSeconds(60))));

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

        await two.ReportTransferFailureAsync(TestRequests.TransferFailure(conversation, first.EscalationId) with { FallbackSkillName = "billing" });
        var afterReport = await one.EscalateAsync(TestRequests.For(conversation, Billing));

        Assert.True(again.IsDeduplicated);
        Assert.Equal([Billing, Billing], SentSkills);
        Assert.True(afterReport.IsDeduplicated);
        Assert.NotEqual(first.EscalationId, afterReport.EscalationId);
    }

    [Fact]
    public async Task Two_instances_writing_one_record_at_once_have_one_winner_a_round_and_lose_no_update()
    {
        // Each round: both instances escalate one new conversation at once (one claim wins, the other is answered by
        // it), then both report its failure at once (counted once, one fallback): every write races the other's.
        const int rounds = 1_000;
        var (one, two) = (Instance(), Instance());
        await one.EscalateAsync(TestRequests.For($"warm-up-{Guid.NewGuid():N}", Billing));
        await two.EscalateAsync(TestRequests.For($"warm-up-{Guid.NewGuid():N}", Billing));
        _emulator.Reset();
        var failedOpenWarmingUp = _instances.GuardUnavailableCount;
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            var conversation = $"conflict-{round}-{Guid.NewGuid():N}";
            var escalations = await Task.WhenAll(one.EscalateAsync(TestRequests.For(conversation, Billing)), two.EscalateAsync(TestRequests.For(conversation, Billing)));
            Assert.Single(escalations, e => !e.IsDeduplicated);
            Assert.Single(escalations.Select(e => e.EscalationId).Distinct());

            var reports = await Task.WhenAll(
                one.ReportTransferFailureAsync(TestRequests.TransferFailure(conversation, escalations[0].EscalationId)),
                two.ReportTransferFailureAsync(TestRequests.TransferFailure(conversation, escalations[0].EscalationId)));
            Assert.Single(reports, r => !r.IsRepeatedReport);
            Assert.All(reports, r => Assert.Equal(1, r.TransferFailures));
            Assert.Single(reports.Select(r => r.EscalationId).Distinct());
        }

        Console.WriteLine($"{rounds} rounds of two instances writing one record at once: {_emulator.Escalations.Count} POSTs in {stopwatch.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(2 * rounds, _emulator.Escalations.Count);
        Assert.Equal(failedOpenWarmingUp, _instances.GuardUnavailableCount);
    }
}
