namespace LivePersonEscalation.Testing;

/// <summary>Conformance cases of reading and writing: a record is written only over the version its writer read.</summary>
internal static class RecordCases
{
    public static async Task ReadWhereNothingIsReturnsNull(ConformanceProbe probe)
    {
        var read = await probe.Store.ReadAsync(probe.Key(), probe.Token).ConfigureAwait(false);
        probe.Expect(read is null, "a key never written reads as null", read);
    }

    public static async Task WriteWhereNothingIsCreates(ConformanceProbe probe)
    {
        var key = probe.Key();
        var record = probe.Record();
        var written = await probe.WriteAsync(key, expected: null, record).ConfigureAwait(false);
        probe.ExpectVersion(record, written, "a write expecting no record, where there is none, returns the record written");
        var read = await probe.Store.ReadAsync(key, probe.Token).ConfigureAwait(false);
        probe.ExpectVersion(record, read, "the record written reads back");
        probe.Expect(read!.Serialize() == record.Serialize(), "the record reads back whole", read.Serialize());
    }

    public static async Task WriteExpectingNoneWhereOneIsReturnsIt(ConformanceProbe probe)
    {
        var key = probe.Key();
        var first = probe.Record();
        await probe.WriteAsync(key, expected: null, first).ConfigureAwait(false);
        var conflict = await probe.WriteAsync(key, expected: null, probe.Record()).ConfigureAwait(false);
        probe.ExpectVersion(first, conflict, "a write expecting no record, where there is one, writes nothing and returns the one there");
    }

    public static async Task WriteOverTheVersionReadReplaces(ConformanceProbe probe)
    {
        var key = probe.Key();
        var first = probe.Record();
        await probe.WriteAsync(key, expected: null, first).ConfigureAwait(false);
        var second = probe.Record();
        var written = await probe.WriteAsync(key, first, second).ConfigureAwait(false);
        probe.ExpectVersion(second, written, "a write over the version there replaces it");
    }

    public static async Task WriteOverAnotherVersionReturnsTheCurrent(ConformanceProbe probe)
    {
        var key = probe.Key();
        var first = probe.Record();
        await probe.WriteAsync(key, expected: null, first).ConfigureAwait(false);
        var second = probe.Record();
        await probe.WriteAsync(key, first, second).ConfigureAwait(false);
        var stale = await probe.WriteAsync(key, first, probe.Record()).ConfigureAwait(false);
        probe.ExpectVersion(second, stale, "a write over a version no longer there writes nothing and returns the current record");
    }

    public static async Task WriteExpectingAVersionWhereNothingIsReturnsNull(ConformanceProbe probe)
    {
        var key = probe.Key();
        var lost = probe.Record();
        var written = await probe.WriteAsync(key, lost, probe.Record()).ConfigureAwait(false);
        probe.Expect(written is null, "a write expecting a version, where there is no record (the store lost it), writes nothing and returns null", written);
    }

    public static async Task ConcurrentWritesOverOneVersionHaveOneWinner(ConformanceProbe probe)
    {
        var key = probe.Key();
        var first = probe.Record();
        await probe.WriteAsync(key, expected: null, first).ConfigureAwait(false);
        var contenders = Enumerable.Range(0, 8).Select(_ => probe.Record()).ToArray();
        var answers = await Task.WhenAll(contenders.Select(c => probe.WriteAsync(key, first, c).AsTask())).ConfigureAwait(false);
        var winners = contenders.Where((c, i) => answers[i]?.Version == c.Version).ToArray();
        probe.Expect(winners.Length == 1, "of concurrent writes over one version, exactly one is written", $"{winners.Length} written");
        probe.Expect(answers.All(a => a?.Version == winners[0].Version), "every loser is handed the winner's record", string.Join(", ", answers.Select(a => a?.Version)));
    }

    public static async Task RecordsExpire(ConformanceProbe probe)
    {
        var key = probe.Key();
        await probe.WriteAsync(key, expected: null, probe.Record(TimeSpan.FromMilliseconds(300))).ConfigureAwait(false);
        for (var i = 0; i < 100; i++)
        {
            if (await probe.Store.ReadAsync(key, probe.Token).ConfigureAwait(false) is null)
            {
                return;
            }

            await Task.Delay(100, probe.Token).ConfigureAwait(false);
        }

        probe.Expect(false, "a record is forgotten after its ExpiresAt", "the record still there 10 s later");
    }

    public static async Task KeysAreIndependent(ConformanceProbe probe)
    {
        var one = probe.Record();
        await probe.WriteAsync(probe.Key("one"), expected: null, one).ConfigureAwait(false);
        var other = await probe.WriteAsync(probe.Key("other"), expected: null, probe.Record()).ConfigureAwait(false);
        probe.Expect(other is not null && other.Version != one.Version, "a write to one key does not see another key's record", other);
    }
}
