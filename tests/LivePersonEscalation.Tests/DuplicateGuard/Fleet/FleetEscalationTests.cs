namespace LivePersonEscalation.Tests.DuplicateGuard.Fleet;

using static FleetInstances;

/// <summary>Escalations on instances sharing one store, when the store fails while one instance waits for another's.</summary>
public sealed class FleetEscalationTests
{
    private readonly FleetInstances _fleet = new(TimeProvider.System);

    [Fact]
    public async Task A_repeat_waiting_on_another_instances_escalation_is_not_sent_when_the_store_stops_answering()
    {
        var (one, two) = (_fleet.Clients[0], _fleet.Clients[1]);
        var arrived = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        _fleet.Wire.Intercept(async _ =>
        {
            arrived.TrySetResult();
            await release.Task;
        });
        var first = one.EscalateAsync(To("waiting", Billing));
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // The second instance finds the first one's claim in flight, waits for it, and its link fails meanwhile.
        _fleet.Links[1].OnWait = () => _fleet.Links[1].Unreachable = true;
        var repeat = await Assert.ThrowsAsync<EscalationException>(() => two.EscalateAsync(To("waiting", Billing)).WaitAsync(TimeSpan.FromSeconds(30)));
        release.SetResult();
        var sent = await first;

        Assert.Equal(EscalationFailureKind.GuardUnavailable, repeat.Kind);
        Assert.Equal(EscalationOutcome.Unknown, repeat.Outcome);
        Assert.False(sent.IsDeduplicated);
        Assert.Equal([Billing], _fleet.SentSkills);
    }
}
