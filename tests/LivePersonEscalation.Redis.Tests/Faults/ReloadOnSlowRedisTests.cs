using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LivePersonEscalation.Redis.Tests.Faults;

/// <summary>
/// The options reloaded while escalations wait for a slow Redis: each escalation's body, key and endpoint come from
/// the one settings generation it started with, never half from the next.
/// </summary>
public sealed class ReloadOnSlowRedisTests : RedisPerTest
{
    // Two generations that alternate: the emulator accepts the first one's key only, so a POST whose skill and key
    // came from different generations shows as skill 111 refused, or skill 222 accepted.
    private const string KeyOne = "generation-one-key";
    private const string KeyTwo = "generation-two-key";

    private readonly string _folder = Directory.CreateTempSubdirectory("lpe-reload-redis-").FullName;
    private EscalationEmulator _emulator = null!;

    private string SettingsFile => Path.Combine(_folder, "appsettings.json");

    [Fact]
    public async Task Escalations_waiting_on_a_slow_redis_while_the_file_is_rewritten_send_skill_and_key_of_one_generation()
    {
        _emulator = Own(await EscalationEmulator.StartAsync(new EscalationEmulatorOptions { ApiAccessKey = KeyOne }));
        await using var proxy = new RedisFaultProxy(Redis.Port) { AnswerDelay = TimeSpan.FromMilliseconds(300), Fault = ProxyFault.DelayAnswers };
        Write(proxy.Configuration, generation: 1);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddJsonFile(SettingsFile, optional: false, reloadOnChange: true);
        builder.Services.AddLivePersonEscalation(builder.Configuration.GetSection(EscalationOptions.SectionName)).AddRedisDuplicateGuard();
        using var host = builder.Build();
        await host.StartAsync();
        var client = host.Services.GetRequiredService<IEscalationClient>();

        // Waves of escalations, each followed at once by a rewrite of the file: the reload lands while the wave
        // waits for Redis's answers (held ~300 ms). The next wave starts once the options have changed.
        var monitor = host.Services.GetRequiredService<IOptionsMonitor<EscalationOptions>>();
        var escalations = new List<Task>();
        for (var generation = 2; generation <= 11; generation++)
        {
            var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var listening = monitor.OnChange((_, _) => reloaded.TrySetResult());
            escalations.AddRange(Enumerable.Range(0, 8).Select(i => EscalateAsync(client, $"reload-{generation}-{i}")));
            Write(proxy.Configuration, generation);
            await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }

        await Task.WhenAll(escalations).WaitAsync(TimeSpan.FromSeconds(120));

        var posts = _emulator.Requests.Select(r => (Skill: System.Text.Json.JsonDocument.Parse(r.Body).RootElement.GetProperty("agentSkillId").GetString(), r.AuthorizationMatched)).ToList();
        var mixed = posts.Count(p => (p.Skill == "111") != p.AuthorizationMatched);
        Console.WriteLine($"reload after each of 10 waves while 80 escalations waited ~300 ms on Redis: {posts.Count} POSTs, {posts.Count(p => p.Skill == "111")} of generation one, {mixed} with skill and key of different generations");
        Assert.Equal(80, posts.Count);
        Assert.Contains(posts, p => p.Skill == "111");
        Assert.Contains(posts, p => p.Skill == "222");
        Assert.Equal(0, mixed);
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task EscalateAsync(IEscalationClient client, string conversationId)
    {
        try
        {
            await client.EscalateAsync(TestRequests.ForSkillName(conversationId));
        }
        catch (EscalationException)
        {
            // A POST whose key belongs to the other generation is refused (401): the emulator's record says which.
        }
    }

    private void Write(string redis, int generation)
    {
        var (key, skill) = generation % 2 == 1 ? (KeyOne, "111") : (KeyTwo, "222");
        var json = $$"""
            { "LivePerson": { "Escalation": {
                "Endpoint": "{{_emulator.Endpoint}}", "ApiAccessKey": "{{key}}", "Skills": { "billing": "{{skill}}" },
                "Retry": { "MaxAttempts": 1 },
                "DuplicateGuard": { "StoreTimeout": "00:00:05", "Redis": { "Configuration": "{{redis}}" } } } } }
            """;
        var temporary = SettingsFile + ".tmp";
        File.WriteAllText(temporary, json);
        File.Move(temporary, SettingsFile, overwrite: true);
    }
}
