using Xunit.Abstractions;
using Xunit.Sdk;

namespace LivePersonEscalation.Redis.Tests;

/// <summary>One Redis server for the tests that share it; says which server ran in the test output.</summary>
public sealed class SharedRedis(IMessageSink diagnostics) : IAsyncLifetime
{
    public RedisServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await RedisServer.StartAsync();
        diagnostics.OnMessage(new DiagnosticMessage($"Redis tests run against {Server.Description} on {Server.Configuration}"));
        Console.WriteLine($"Redis tests run against {Server.Description} on {Server.Configuration}");
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
