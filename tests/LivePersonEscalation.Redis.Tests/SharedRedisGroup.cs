namespace LivePersonEscalation.Redis.Tests;

[CollectionDefinition(Name)]
public sealed class SharedRedisGroup : ICollectionFixture<SharedRedis>
{
    public const string Name = "Redis";
}
