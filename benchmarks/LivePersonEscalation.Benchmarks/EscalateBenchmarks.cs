using LivePersonEscalation.Internal;
using System.Globalization;
using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace LivePersonEscalation.Benchmarks;

/// <summary>
/// One escalation through the default DI-registered client (validation, retry pipeline, duplicate guard, telemetry,
/// response reading) against what a user would write by hand, over an in-memory handler that answers 200 at once.
/// Each call escalates a new conversation, so the duplicate guard works as in production and never short-cuts.
/// </summary>
[MemoryDiagnoser]
public class EscalateBenchmarks
{
    /// <summary>False: the handler answers synchronously. True: it answers from the thread pool, as a network does.</summary>
    protected virtual bool CompleteLater => false;

    private static readonly byte[] PreSerialized =
        System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(SampleData.Body("4f1d2c3b-5a6e-47d8-9c0b-1a2e3f4d5c6b"), EscalationJsonContext.Default.EscalationRequestBody);

    private ServiceProvider _provider = null!;
    private ServiceProvider _providerWithoutGuard = null!;
    private IEscalationClient _client = null!;
    private IEscalationClient _clientWithoutGuard = null!;
    private HttpClient _http = null!;
    private long _conversation;

    [GlobalSetup]
    public void Setup()
    {
        _provider = Register(guard: true);
        _client = _provider.GetRequiredService<IEscalationClient>();
        _providerWithoutGuard = Register(guard: false);
        _clientWithoutGuard = _providerWithoutGuard.GetRequiredService<IEscalationClient>();
        _http = new HttpClient(new InstantOkHandler(CompleteLater));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _provider.Dispose();
        _providerWithoutGuard.Dispose();
        _http.Dispose();
    }

    private ServiceProvider Register(bool guard)
    {
        var services = new ServiceCollection();
        services.AddLivePersonEscalation(o =>
            {
                o.ApiAccessKey = SampleData.ApiKey;
                o.DuplicateGuard.Enabled = guard;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new InstantOkHandler(CompleteLater));
        return services.BuildServiceProvider();
    }

    private string NextConversationId() => (++_conversation).ToString("D12", CultureInfo.InvariantCulture);

    [Benchmark(Description = "library EscalateAsync (default pipeline)")]
    public Task<EscalationResult> Library() => _client.EscalateAsync(SampleData.Request(NextConversationId()));

    [Benchmark(Description = "library, duplicate guard off (what the guard costs)")]
    public Task<EscalationResult> LibraryWithoutGuard() => _clientWithoutGuard.EscalateAsync(SampleData.Request(NextConversationId()));

    [Benchmark(Baseline = true, Description = "hand-written peer (JsonContent + EnsureSuccess)")]
    public async Task<HttpResponseMessage> HandWrittenPeer()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, SampleData.Endpoint)
        {
            Content = JsonContent.Create(new
            {
                userPlatformId = SampleData.UserPlatformId,
                chatBotId = SampleData.ChatBotId,
                message = SampleData.Message,
                conversationId = NextConversationId(),
                agentSkillName = SampleData.SkillName,
                agentSkillId = SampleData.SkillId,
            }),
        };
        request.Headers.TryAddWithoutValidation("Authorization", SampleData.ApiKey);
        var response = await _http.SendAsync(request);
        return response.EnsureSuccessStatusCode();
    }

    [Benchmark(Description = "raw POST of pre-serialized bytes (limit)")]
    public async Task<HttpResponseMessage> RawPreSerialized()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, SampleData.Endpoint) { Content = new ByteArrayContent(PreSerialized) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        request.Headers.TryAddWithoutValidation("Authorization", SampleData.ApiKey);
        var response = await _http.SendAsync(request);
        return response.EnsureSuccessStatusCode();
    }
}

/// <summary>
/// The same escalations with a handler that answers from the thread pool: every async step of the call then suspends
/// and resumes, allocating its state machine, as it does over a real socket.
/// </summary>
public class EscalateCompletingLaterBenchmarks : EscalateBenchmarks
{
    /// <inheritdoc />
    protected override bool CompleteLater => true;
}
