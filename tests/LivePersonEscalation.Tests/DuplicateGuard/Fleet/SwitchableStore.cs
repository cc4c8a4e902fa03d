using LivePersonEscalation.DuplicateGuard;

namespace LivePersonEscalation.Tests.DuplicateGuard.Fleet;

/// <summary>
/// One instance's link to a shared store, as Redis behind a faulty link: it can be made unreachable (every call fails
/// at once), or made to lose the answers of writes (a write lands, and its caller is told the connection was reset).
/// </summary>
internal sealed class SwitchableStore(IDuplicateGuardStore inner) : IDuplicateGuardStore
{
    public bool Unreachable { get; set; }

    /// <summary>Writes land, and their callers are told the connection was reset.</summary>
    public bool LoseAnswers { get; set; }

    public IDuplicateGuardStore Inner => inner;

    public int Writes;

    /// <summary>Runs once, after the next answer was lost.</summary>
    public Action? AfterLostAnswer { get; set; }

    /// <summary>Runs when a caller starts waiting for a change.</summary>
    public Action? OnWait { get; set; }

    /// <summary>How long each call takes, as a round trip to Redis does.</summary>
    public TimeSpan Latency { get; set; }

    public async ValueTask<DuplicateGuardRecord?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        Fail();
        await Task.Delay(Latency, cancellationToken);
        return await inner.ReadAsync(key, cancellationToken);
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
        var onWait = OnWait;
        OnWait = null;
        onWait?.Invoke();
        Fail();
        await Task.Delay(Latency, cancellationToken);
        return await inner.WaitForChangeAsync(key, version, maxWait, cancellationToken);
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
            var after = AfterLostAnswer;
            AfterLostAnswer = null;
            after?.Invoke();
            throw new IOException("the connection was reset before the answer arrived");
        }
    }
}
