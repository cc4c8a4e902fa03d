using System.Net.Http.Json;
using System.Text.Json;
using LivePersonEscalation.Webhook.Tests;

namespace LivePersonEscalation.Redis.Tests.Webhook;

/// <summary>Two webhook instances on one Redis, as the webhook's README runs them.</summary>
[Collection(SharedRedisGroup.Name)]
public sealed class WebhookFleetTests(SharedRedis redis) : IAsyncLifetime
{
    private readonly List<WebhookHost> _hosts = [];
    private EscalationEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await EscalationEmulator.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await _emulator.DisposeAsync();
    }

    private async Task<WebhookHost> StartAsync()
    {
        var host = await WebhookHost.StartAsync(_emulator, new()
        {
            ["LivePerson:Escalation:DuplicateGuard:Redis:Configuration"] = redis.Server.Configuration,
            ["LivePerson:Escalation:Fallback:Skills:billing"] = "general",
        });
        _hosts.Add(host);
        return host;
    }

    private static async Task<JsonElement> PostAsync(WebhookHost host, string path, object body)
    {
        using var response = await host.Http.SendAsync(WebhookHost.Call(path, body));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Two_webhook_instances_send_a_conversation_once_and_share_its_transfer_failures()
    {
        var (one, two) = (await StartAsync(), await StartAsync());
        var conversation = $"webhook-{Guid.NewGuid():N}";
        object Call(string? escalationId = null) => new { conversationId = conversation, userPlatformId = "u-1", chatBotId = "b-1", channel = "lp_web", intent = "billing_question", escalationId };

        var first = await PostAsync(one, "/escalations", Call());
        var repeat = await PostAsync(two, "/escalations", Call());
        var fallback = await PostAsync(two, "/transfer-failures", Call(first.GetProperty("escalationId").GetString()));
        var repeatedReport = await PostAsync(one, "/transfer-failures", Call(first.GetProperty("escalationId").GetString()));
        using var health = await one.Http.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(2, _emulator.Escalations.Count(e => e.ConversationId == conversation));
        Assert.True(repeat.GetProperty("deduplicated").GetBoolean());
        Assert.Equal("general", fallback.GetProperty("skill").GetString());
        Assert.True(repeatedReport.GetProperty("repeated").GetBoolean());
        Assert.Equal(fallback.GetProperty("escalationId").GetString(), repeatedReport.GetProperty("escalationId").GetString());
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
    }
}
