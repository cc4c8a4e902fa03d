namespace LivePersonEscalation.Testing;

/// <summary>Conformance cases of <c>WaitWhileInFlightAsync</c>: a repeat waits for the owner's outcome.</summary>
internal static class WaitCases
{
    // A bound on a wait that must end by itself: a store that never wakes its waiters fails here instead of hanging.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    public static async Task ReturnsTheOutcomeOnceSettled(ConformanceProbe probe)
    {
        var key = probe.Key();
        var claim = probe.Claim();
        await probe.TryClaimAsync(key, claim).ConfigureAwait(false);
        var waiting = probe.Store.WaitWhileInFlightAsync(key, claim, ConformanceProbe.Expiry, probe.Token).AsTask();
        var accepted = ConformanceProbe.Accepted(claim);

        await probe.SettleAsync(key, claim, accepted).ConfigureAwait(false);

        var settled = await Bounded(probe, waiting).ConfigureAwait(false);
        probe.ExpectEntry(accepted, settled, "a wait on a claim ends with the owner's outcome once it settles");
    }

    public static async Task OnASettledKeyReturnsAtOnce(ConformanceProbe probe)
    {
        var key = probe.Key();
        var claim = probe.Claim();
        await probe.TryClaimAsync(key, claim).ConfigureAwait(false);
        var accepted = ConformanceProbe.Accepted(claim);
        await probe.SettleAsync(key, claim, accepted).ConfigureAwait(false);

        var settled = await Bounded(probe, probe.Store.WaitWhileInFlightAsync(key, claim, ConformanceProbe.Expiry, probe.Token).AsTask()).ConfigureAwait(false);

        probe.ExpectEntry(accepted, settled, "a wait on a claim already settled returns the outcome");
    }

    public static async Task CanceledEndsOnlyThatWait(ConformanceProbe probe)
    {
        var key = probe.Key();
        var claim = probe.Claim();
        await probe.TryClaimAsync(key, claim).ConfigureAwait(false);
        using var canceled = CancellationTokenSource.CreateLinkedTokenSource(probe.Token);
        var waiting = probe.Store.WaitWhileInFlightAsync(key, claim, ConformanceProbe.Expiry, canceled.Token).AsTask();

        await canceled.CancelAsync().ConfigureAwait(false);

        Exception? ended = null;
        try
        {
            await Bounded(probe, waiting).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex)
        {
            ended = ex;
        }

        probe.Expect(ended is not null, "a canceled wait ends with OperationCanceledException", waiting.Status);
        probe.ExpectEntry(claim, await probe.TryClaimAsync(key, probe.Claim()).ConfigureAwait(false), "a canceled wait leaves the claim in flight");
    }

    private static async Task<T> Bounded<T>(ConformanceProbe probe, Task<T> task)
    {
        var ended = await Task.WhenAny(task, Task.Delay(Bound, probe.Token)).ConfigureAwait(false);
        probe.Expect(ended == task, $"the wait ends within {Bound.TotalSeconds:0} s", "a wait still running");
        return await task.ConfigureAwait(false);
    }
}
