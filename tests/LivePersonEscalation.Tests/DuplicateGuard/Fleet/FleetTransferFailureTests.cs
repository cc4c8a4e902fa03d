namespace LivePersonEscalation.Tests.DuplicateGuard.Fleet;

using static FleetInstances;

/// <summary>Transfer failures reported to instances sharing one store: the count, the chain, and what a store that fails does to them.</summary>
public sealed class FleetTransferFailureTests
{
    private readonly FleetInstances _fleet = new(TimeProvider.System);

    public FleetTransferFailureTests() => _fleet.Shared.Latency = TimeSpan.FromMilliseconds(2);

    [Fact]
    public async Task Two_instances_share_the_count_the_chain_and_the_give_up()
    {
        var (one, two) = (_fleet.Clients[0], _fleet.Clients[1]);
        var first = await one.EscalateAsync(To("chain", Billing));

        var toGeneral = await two.ReportTransferFailureAsync(Report("chain", first.EscalationId));
        var repeatedElsewhere = await one.ReportTransferFailureAsync(Report("chain", first.EscalationId));
        var retryOnOne = await one.EscalateAsync(To("chain", General));
        var toOverflow = await one.ReportTransferFailureAsync(Report("chain", toGeneral.EscalationId));
        var gaveUp = await two.ReportTransferFailureAsync(Report("chain", toOverflow.EscalationId));

        Assert.Equal([Billing, General, Overflow], _fleet.SentSkills);
        Assert.True(repeatedElsewhere.IsRepeatedReport);
        Assert.Equal(toGeneral.EscalationId, retryOnOne.EscalationId);
        Assert.Equal(3, gaveUp.TransferFailures);
        Assert.True(gaveUp.GaveUp);
    }

    [Fact]
    public async Task The_same_report_racing_on_two_instances_counts_once_and_sends_one_fallback()
    {
        var first = await _fleet.Clients[0].EscalateAsync(To("race", Billing));

        var reports = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            _fleet.Clients[i % 2].ReportTransferFailureAsync(Report("race", first.EscalationId)).WaitAsync(TimeSpan.FromSeconds(60))));

        Assert.Equal([Billing, General], _fleet.SentSkills);
        Assert.Single(reports, r => !r.IsRepeatedReport);
        Assert.All(reports, r => Assert.Equal(1, r.TransferFailures));
        Assert.Single(reports.Select(r => r.EscalationId).Distinct());
    }
}
