using System.Diagnostics;
using LivePersonEscalation.DuplicateGuard;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LivePersonEscalation.Redis.Tests;

[Collection(SharedRedisGroup.Name)]
public sealed class RedisGuardTests(SharedRedis redis) : IAsyncLifetime
{
    private readonly Instances _instances = new(); // disposed in DisposeAsync
    private EscalationEmulator _emulator = null!;

    private RedisServer Redis => redis.Server;

    public async Task InitializeAsync() => _emulator = await EscalationEmulator.StartAsync();

    public async Task DisposeAsync()
    {
        await _instances.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}";

    [Fact]
    public async Task Two_instances_racing_1000_conversations_with_8_callers_each_send_each_conversation_once()
    {
        const int conversations = 1_000;
        const int callers = 8;
        var instances = new[] { _instances.Start(_emulator, Redis.Configuration), _instances.Start(_emulator, Redis.Configuration) };
        var run = Unique("race");
        var calls = Enumerable.Range(0, conversations * callers).Select(i => (Conversation: $"{run}-{i / callers}", Instance: instances[i % 2])).ToList();
        var stopwatch = Stopwatch.StartNew();

        var results = new System.Collections.Concurrent.ConcurrentBag<EscalationResult>();
        await Parallel.ForEachAsync(calls, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (call, cancellationToken) =>
            results.Add(await call.Instance.EscalateAsync(TestRequests.For(call.Conversation), cancellationToken).WaitAsync(TimeSpan.FromSeconds(60), cancellationToken)));

        var sent = _emulator.Requests.Count;
        Assert.Equal(0, _instances.GuardUnavailableCount);
        Assert.Equal(conversations, sent);
        Assert.Equal(conversations, _emulator.Escalations.Select(e => e.ConversationId).Distinct().Count());
        Assert.Equal(conversations, results.Count(r => !r.IsDeduplicated));
        Assert.Equal(conversations * (callers - 1), results.Count(r => r.IsDeduplicated));
        Console.WriteLine($"redis race: {calls.Count} calls, 2 instances, {conversations} conversations: {sent} requests in {stopwatch.Elapsed.TotalSeconds:0.00} s ({Redis.Description})");
    }

    [Fact]
    public async Task A_repeat_on_another_instance_within_the_window_gets_the_acceptance_without_sending()
    {
        var conversation = Unique("repeat");
        var first = await _instances.Start(_emulator, Redis.Configuration).EscalateAsync(TestRequests.For(conversation));

        var repeat = await _instances.Start(_emulator, Redis.Configuration).EscalateAsync(TestRequests.For(conversation));

        Assert.Single(_emulator.Requests);
        Assert.False(first.IsDeduplicated);
        Assert.True(repeat.IsDeduplicated);
        Assert.Equal(first.RequestId, repeat.RequestId);
        Assert.Equal(first.Body, repeat.Body);
    }

    [Fact]
    public async Task A_repeat_to_another_skill_on_another_instance_is_refused_naming_both()
    {
        var conversation = Unique("reroute");
        await _instances.Start(_emulator, Redis.Configuration).EscalateAsync(TestRequests.For(conversation, "111"));

        var error = await Assert.ThrowsAsync<EscalationException>(() => _instances.Start(_emulator, Redis.Configuration).EscalateAsync(TestRequests.For(conversation, "222")));

        Assert.Equal(EscalationFailureKind.AlreadyEscalated, error.Kind);
        Assert.Contains("111", error.Message, StringComparison.Ordinal);
        Assert.Single(_emulator.Requests);
    }

    [Fact]
    public async Task A_refusal_is_shared_with_callers_waiting_on_another_instance_and_then_forgotten()
    {
        var conversation = Unique("refused");
        _emulator.Script(EmulatorResponse.Status(System.Net.HttpStatusCode.BadRequest).After(TimeSpan.FromMilliseconds(500)));
        var owner = _instances.Start(_emulator, Redis.Configuration).EscalateAsync(TestRequests.For(conversation));
        await WaitForRequestsAsync(1);

        var waiter = await Assert.ThrowsAsync<EscalationException>(() => _instances.Start(_emulator, Redis.Configuration).EscalateAsync(TestRequests.For(conversation)));
        await Assert.ThrowsAsync<EscalationException>(() => owner);
        var later = await _instances.Start(_emulator, Redis.Configuration).EscalateAsync(TestRequests.For(conversation));

        Assert.Equal(EscalationFailureKind.Rejected, waiter.Kind);
        Assert.True(waiter.IsDeduplicated);
        Assert.False(later.IsDeduplicated);
        Assert.Equal(2, _emulator.Requests.Count);
    }

    [Fact]
    public async Task An_owner_that_died_holding_a_claim_lets_another_instance_send_once_when_the_claim_expires()
    {
        var conversation = Unique("orphan");
        var client = _instances.Start(_emulator, Redis.Configuration);
        // The claim a crashed instance left behind, under the key the guard uses, expiring in 800 ms.
        await using var connection = await Redis.ConnectAsync();
        var key = await FindKeyPrefixAsync(connection, client) + conversation;
        var expires = DateTimeOffset.UtcNow.AddMilliseconds(800).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var orphan = DuplicateGuardRecord.Parse("crashed-1|{\"state\":1,\"owner\":\"crashed-instance\",\"skillId\":\"111\",\"entryExpiresAt\":\"" + expires + "\"}");
        await connection.GetDatabase().StringSetAsync("{" + key + "}", orphan.Serialize(), TimeSpan.FromMilliseconds(800));
        var stopwatch = Stopwatch.StartNew();

        var result = await client.EscalateAsync(TestRequests.For(conversation)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(result.IsDeduplicated);
        Assert.Single(_emulator.Requests);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(600), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Keys_are_namespaced_by_account_small_and_never_hold_the_api_key()
    {
        var conversation = Unique("keys");
        var client = _instances.Start(_emulator, Redis.Configuration);
        await client.EscalateAsync(TestRequests.For(conversation));
        await using var connection = await Redis.ConnectAsync();
        var server = connection.GetServer(connection.GetEndPoints()[0]);

        var keys = server.Keys(pattern: "*" + conversation + "*").ToList();
        var key = Assert.Single(keys);
        var value = (string?)await connection.GetDatabase().StringGetAsync(key);
        var ttl = await connection.GetDatabase().KeyTimeToLiveAsync(key);

        Assert.Matches("^\\{lpe:[0-9a-f]{16}:" + conversation + "\\}$", key.ToString());
        Assert.DoesNotContain(_emulator.ApiAccessKey, key.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_emulator.ApiAccessKey, value, StringComparison.Ordinal);
        Assert.True(RedisServer.IsAccepted(value), value);
        Assert.InRange(value!.Length, 1, 512);
        // Kept for Fallback:Window after the acceptance, so that a transfer-failure report can be checked against it.
        Assert.InRange(ttl!.Value, EscalationFallbackOptions.DefaultWindow - TimeSpan.FromSeconds(10), EscalationFallbackOptions.DefaultWindow);
    }

    [Fact]
    public void Registering_the_redis_guard_without_a_configuration_fails_at_start_up_naming_the_key_and_its_variable()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["LivePerson:Escalation:ApiAccessKey"] = "k" }).Build();
        var services = new ServiceCollection();
        services.AddLivePersonEscalation(configuration.GetSection(EscalationOptions.SectionName)).AddRedisDuplicateGuard();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RedisDuplicateGuardOptions>>().Value);

        Assert.Contains("LivePerson:Escalation:DuplicateGuard:Redis:Configuration is required by AddRedisDuplicateGuard()", error.Message, StringComparison.Ordinal);
        Assert.Contains("environment variable LivePerson__Escalation__DuplicateGuard__Redis__Configuration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registering_the_configured_redis_guard_on_an_account_made_in_code_fails_at_once_naming_the_overloads_that_fit()
    {
        var services = new ServiceCollection();
        var builder = services.AddLivePersonEscalation(o => o.ApiAccessKey = "k");

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddRedisDuplicateGuard());

        Assert.Contains(".AddRedisDuplicateGuard(\"redis:6379\")", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_redis_configuration_without_the_registration_fails_at_start_up_saying_what_to_add()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LivePerson:Escalation:ApiAccessKey"] = "k",
            ["LivePerson:Escalation:DuplicateGuard:Redis:Configuration"] = "127.0.0.1:6379",
        }).Build();
        var services = new ServiceCollection();
        services.AddLivePersonEscalation(configuration.GetSection(EscalationOptions.SectionName));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EscalationOptions>>().Value);

        Assert.Contains("DuplicateGuard:Redis is set, but its package is not registered: add the LivePersonEscalation.Redis package and call .AddRedisDuplicateGuard()", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The guard's key prefix for this client's account: found from a key it writes.</summary>
    private async Task<string> FindKeyPrefixAsync(ConnectionMultiplexer connection, IEscalationClient client)
    {
        var probe = Unique("probe");
        await client.EscalateAsync(TestRequests.For(probe));
        _emulator.Reset();
        var key = connection.GetServer(connection.GetEndPoints()[0]).Keys(pattern: "*" + probe + "*").Single().ToString();
        return key.Substring(1, key.Length - 2 - probe.Length);
    }

    private async Task WaitForRequestsAsync(int count)
    {
        var bound = Stopwatch.StartNew();
        while (_emulator.Requests.Count < count && bound.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(10);
        }
    }
}
