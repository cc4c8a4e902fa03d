using LivePersonEscalation.DuplicateGuard;

namespace LivePersonEscalation.Tests.DuplicateGuard.Fleet;

/// <summary>
/// A shared store that can be made unreachable (every call fails at once), or made to lose its answers (a write
/// lands, and its caller is told the connection was reset), as Redis behind a faulty link does.
/// </summary>
internal sealed class SwitchableStore(IDuplicateGuardStore inner) : IDuplicateGuardStore
{
    public bool Unreachable { get; set; }

    public bool LoseAnswers { get; set; }

    public IDuplicateGuardStore Inner => inner;

    public int Writes;

    /// <summary>How long each call takes, as a round trip to Redis does.</summary>
    public TimeSpan Latency { get; set; }

    public async ValueTask<DuplicateGuardRecord?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        Fail();
        await Task.Delay(Latency, cancellationToken);
        var read = await inner.ReadAsync(key, cancellationToken);
        Lose();
        return read;
    }

    public async ValueTask<DuplicateGuardRecord?> WriteAsync(string key, string? expectedVersion, DuplicateGuardRecord record, CancellationToken cancellationToken)
    {
        Fail();
        Interlocked.Increment(ref Writes);
        await Task.Delay(Latency, cancellationToken);
        var written = await inner.WriteAsync(key, expectedVersion, record, cancellationToken);
        Lose();
        return written;
    }

    public async ValueTask<DuplicateGuardRecord?> WaitForChangeAsync(string key, string? version, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        Fail();
        await Task.Delay(Latency, cancellationToken);
        var changed = await inner.WaitForChangeAsync(key, version, maxWait, cancellationToken);
        Lose();
        return changed;
    }

    private void Fail()
    {

        if (Unreachable)
        {
            throw new InvalidOperationException("the shared store is unreachable");
        }
    }

    private void Lose()
    {
        if (LoseAnswers)
        {
            throw new IOException("the connection was reset before the answer arrived");
        }
    }
}
