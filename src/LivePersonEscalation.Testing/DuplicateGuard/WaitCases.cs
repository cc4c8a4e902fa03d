namespace LivePersonEscalation.Testing;

/// <summary>Conformance cases of <c>WaitForChangeAsync</c>: a waiter is woken by a change, and bounded.</summary>
internal static class WaitCases
{
    // A bound on a wait that must end by itself: a store that never wakes its waiters fails here instead of hanging.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    public static async Task ReturnsTheNewRecordOnceWritten(ConformanceProbe probe)
    {
        var key = probe.Key();
        var first = probe.Record();
        await probe.WriteAsync(key, expected: null, first).ConfigureAwait(false);
        var waiting = probe.Store.WaitForChangeAsync(key, first.Version, ConformanceProbe.Lifetime, probe.Token).AsTask();
        var second = probe.Record();

        await probe.WriteAsync(key, first, second).ConfigureAwait(false);

        var changed = await Bounded(probe, waiting).ConfigureAwait(false);
        probe.ExpectVersion(second, changed, "a wait ends with the record written over the version it waited on");
    }

    public static async Task OnAnotherVersionReturnsAtOnce(ConformanceProbe probe)
    {
        var key = probe.Key();
        var first = probe.Record();
        await probe.WriteAsync(key, expected: null, first).ConfigureAwait(false);

        var current = await Bounded(probe, probe.Store.WaitForChangeAsync(key, "another-version", ConformanceProbe.Lifetime, probe.Token).AsTask()).ConfigureAwait(false);

        probe.ExpectVersion(first, current, "a wait on a version no longer there returns the current record at once");
    }

    public static async Task EndsAfterMaxWait(ConformanceProbe probe)
    {
        var key = probe.Key();
        var first = probe.Record();
        await probe.WriteAsync(key, expected: null, first).ConfigureAwait(false);

        var current = await Bounded(probe, probe.Store.WaitForChangeAsync(key, first.Version, TimeSpan.FromMilliseconds(200), probe.Token).AsTask()).ConfigureAwait(false);

        probe.ExpectVersion(first, current, "a wait with nothing changing ends after its longest wait with the record unchanged");
    }

    public static async Task CanceledEndsOnlyThatWait(ConformanceProbe probe)
    {
        var key = probe.Key();
        var first = probe.Record();
        await probe.WriteAsync(key, expected: null, first).ConfigureAwait(false);
        using var cancel = new CancellationTokenSource();
        var canceled = probe.Store.WaitForChangeAsync(key, first.Version, ConformanceProbe.Lifetime, cancel.Token).AsTask();
        var other = probe.Store.WaitForChangeAsync(key, first.Version, ConformanceProbe.Lifetime, probe.Token).AsTask();

        await cancel.CancelAsync().ConfigureAwait(false);
        var ended = await Task.WhenAny(canceled, Task.Delay(Bound, probe.Token)).ConfigureAwait(false);
        probe.Expect(ended == canceled && canceled.IsCanceled, "a canceled wait ends as canceled", ended == canceled ? canceled.Status : "still waiting");

        var second = probe.Record();
        await probe.WriteAsync(key, first, second).ConfigureAwait(false);
        probe.ExpectVersion(second, await Bounded(probe, other).ConfigureAwait(false), "another caller's wait goes on, and ends with the change");
    }

    private static async Task<T> Bounded<T>(ConformanceProbe probe, Task<T> wait)
    {
        var ended = await Task.WhenAny(wait, Task.Delay(Bound, probe.Token)).ConfigureAwait(false);
        probe.Expect(ended == wait, $"the wait ends within {Bound.TotalSeconds:0} s", "a wait still running");
        return await wait.ConfigureAwait(false);
    }
}
