using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RichardSzalay.MockHttp;

namespace LivePersonEscalation.Tests;

/// <summary>
/// A MockHttp handler that answers with a scripted response, behind a recording handler that captures every request
/// as it went on the wire, so tests assert the exact request (method, URL, headers, body) and the exact number of
/// requests. <see cref="Intercept"/> scripts a delay or a transport fault before the response.
/// </summary>
public sealed class WireRecorder
{
    private readonly List<RecordedRequest> _requests = [];
    private Func<CancellationToken, Task>? _intercept;

    public WireRecorder() => Respond(HttpStatusCode.OK, """{"status":"accepted"}""");

    public MockHttpMessageHandler Handler { get; } = new();

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public RecordedRequest Sent => Assert.Single(Requests);

    public WireRecorder Respond(HttpStatusCode status, string body = "", string contentType = "application/json", params (string Name, string Value)[] headers)
    {
        Handler.Fallback.Respond(_ =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) };
            foreach (var (name, value) in headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return response;
        });
        return this;
    }

    /// <summary>Runs <paramref name="intercept"/> after recording and before the scripted response: a delay, a fault.</summary>
    public WireRecorder Intercept(Func<CancellationToken, Task> intercept)
    {
        _intercept = intercept;
        return this;
    }

    public WireRecorder Throw(Exception exception) => Intercept(_ => Task.FromException(exception));

    /// <summary>Waits, honouring cancellation, until the test cancels the request; signals <paramref name="arrived"/> first.</summary>
    public WireRecorder Hang(TaskCompletionSource arrived) => Intercept(async cancellationToken =>
    {
        arrived.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
    });

    public HttpMessageHandler CreateHandler() => new RecordingHandler(BeforeSendAsync) { InnerHandler = Handler };

    public HttpClient CreateHttpClient() => new(CreateHandler());

    public EscalationClient CreateClient(Action<EscalationOptions>? configure = null) =>
        new(CreateHttpClient(), TestData.Options(configure));

    /// <summary>The client as a host registers it, on <paramref name="time"/>, answering from this recorder.</summary>
    public IEscalationClient CreateRegisteredClient(TimeProvider time, Action<EscalationOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddLivePersonEscalation(o =>
            {
                o.ApiAccessKey = TestData.ApiKey;
                configure?.Invoke(o);
            })
            .ConfigurePrimaryHttpMessageHandler(CreateHandler);
        return services.BuildServiceProvider().GetRequiredService<IEscalationClient>();
    }

    private async Task BeforeSendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await RecordAsync(request, cancellationToken);
        if (_intercept is { } intercept)
        {
            await intercept(cancellationToken);
        }
    }

    private async Task RecordAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        lock (_requests)
        {
            _requests.Add(new RecordedRequest(
                request.Method,
                request.RequestUri!,
                headers,
                request.Content?.Headers.ContentType?.ToString(),
                request.Content?.Headers.ContentLength,
                body));
        }
    }
}
