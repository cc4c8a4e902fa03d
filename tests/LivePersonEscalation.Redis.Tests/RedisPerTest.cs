namespace LivePersonEscalation.Redis.Tests;

/// <summary>
/// Tests that each get a Redis server and an emulator of their own (to stop, restart or reconfigure them), and
/// dispose what they start, newest first, before those two. In the Redis collection, so no two Garnet servers start
/// or stop in this process at once.
/// </summary>
[Collection(SharedRedisGroup.Name)]
public abstract class RedisPerTest : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _owned = [];

    protected EscalationEmulator Emulator { get; private set; } = null!;

    protected RedisServer Redis { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await EscalationEmulator.StartAsync();
        Redis = await RedisServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync();
        }

        await Emulator.DisposeAsync();
        await Redis.DisposeAsync();
    }

    /// <summary>Disposes <paramref name="disposable"/> when the test ends.</summary>
    protected T Own<T>(T disposable)
        where T : IAsyncDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
