namespace LivePersonEscalation.Tests.DuplicateGuard.Fleet;

using static FleetInstances;

/// <summary>Transfer failures reported to instances sharing one store: the count, the chain, and what a store that fails does to them.</summary>
public sealed class FleetTransferFailureTests
{
    private readonly FleetInstances _fleet = new(TimeProvider.System);

    public FleetTransferFailureTests()
    {
        foreach (var link in _fleet.Links)
        {
            link.Latency = TimeSpan.FromMilliseconds(2);
        }
    }

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

    [Fact]
    public async Task A_report_made_while_the_link_is_down_reaches_the_fleet_once_it_is_back_and_is_counted_once()
    {
        var (one, two) = (_fleet.Clients[0], _fleet.Clients[1]);
        var first = await one.EscalateAsync(To("down", Billing));
        await _fleet.WritesLandedAsync();
        _fleet.Links[0].Unreachable = true;

        var report = await one.ReportTransferFailureAsync(Report("down", first.EscalationId));
        var repeatedOnOne = await one.ReportTransferFailureAsync(Report("down", first.EscalationId));
        _fleet.Links[0].Unreachable = false;
        await _fleet.WritesLandedAsync();
        var repeatedOnTwo = await two.ReportTransferFailureAsync(Report("down", first.EscalationId));
        var escalatedOnTwo = await two.EscalateAsync(To("down", General));

        Assert.Equal([Billing, General], _fleet.SentSkills);
        Assert.False(report.IsRepeatedReport);
        Assert.True(repeatedOnOne.IsRepeatedReport);
        Assert.True(repeatedOnTwo.IsRepeatedReport);
        Assert.Equal(1, repeatedOnTwo.TransferFailures);
        Assert.Equal(report.EscalationId, repeatedOnTwo.EscalationId);
        Assert.True(escalatedOnTwo.IsDeduplicated);
    }

    [Fact]
    public async Task A_report_whose_answer_is_lost_while_the_link_stays_down_sends_one_fallback_across_the_fleet()
    {
        const string Conv = "lost";
        var (one, two) = (_fleet.Clients[0], _fleet.Clients[1]);
        var first = await one.EscalateAsync(To(Conv, Billing));
        await _fleet.WritesLandedAsync();

        // The report lands in the shared store; its answer is lost, and the link stays down after it.
        _fleet.Links[0].LoseAnswers = true;
        _fleet.Links[0].AfterLostAnswer = () => _fleet.Links[0].Unreachable = true;
        var report = await one.ReportTransferFailureAsync(Report(Conv, first.EscalationId));

        // The same report on the other instance waits for the fallback claimed in the shared store; the link comes back meanwhile.
        _fleet.Links[1].OnWait = () => (_fleet.Links[0].LoseAnswers, _fleet.Links[0].Unreachable) = (false, false);
        var repeated = await two.ReportTransferFailureAsync(Report(Conv, first.EscalationId)).WaitAsync(TimeSpan.FromSeconds(30));
        await _fleet.WritesLandedAsync();

        Assert.Equal([Billing, General], _fleet.SentSkills);
        Assert.Equal(1, report.TransferFailures);
        Assert.True(repeated.IsRepeatedReport);
        Assert.Equal(1, repeated.TransferFailures);
        Assert.Equal(report.EscalationId, repeated.EscalationId);
    }
}
