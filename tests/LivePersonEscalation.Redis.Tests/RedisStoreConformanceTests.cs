using LivePersonEscalation.DuplicateGuard;
using LivePersonEscalation.Redis.Internal;

namespace LivePersonEscalation.Redis.Tests;

/// <summary>The Redis store, on a real redis-server, against the contract every store must meet.</summary>
[Collection(SharedRedisGroup.Name)]
public sealed class RedisStoreConformanceTests(SharedRedis redis) : DuplicateGuardStoreConformanceTests, IAsyncLifetime
{
    private RedisDuplicateGuardStore? _store;

    protected override IDuplicateGuardStore Store => _store!;

    public Task InitializeAsync()
    {
        _store = new RedisDuplicateGuardStore(
            RedisConnection.FromConfiguration(redis.Server.Configuration),
            TimeSpan.FromSeconds(5),
            new RedisDataSafety(loggerFactory: null, meterFactory: null, TimeSpan.FromMinutes(5), TimeProvider.System));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _store!.DisposeAsync();
}
