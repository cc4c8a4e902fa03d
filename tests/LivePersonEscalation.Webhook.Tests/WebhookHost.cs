using System.Net.Http.Json;
using LivePersonEscalation.WebhookSample;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LivePersonEscalation.Webhook.Tests;

/// <summary>One running webhook sample on 127.0.0.1 (a free port), escalating to an emulator, and a client for it.</summary>
public sealed class WebhookHost : IAsyncDisposable
{
    public const string Secret = "webhook-test-secret";

    private WebhookHost(WebApplication app, HttpClient http)
    {
        App = app;
        Http = http;
    }

    public WebApplication App { get; }

    public HttpClient Http { get; }

    public static async Task<WebhookHost> StartAsync(EscalationEmulator emulator, Dictionary<string, string?>? settings = null, TimeProvider? time = null, AccountApiEmulator? accountApis = null, Action<IServiceCollection>? configure = null)
    {
        var app = WebhookApp.Build(["--urls", "http://127.0.0.1:0"], emulator, builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Webhook:Secret"] = Secret });
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }

            if (time is not null)
            {
                builder.Services.AddSingleton(time);
            }

            configure?.Invoke(builder.Services);
        }, accountApis);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new WebhookHost(app, new HttpClient { BaseAddress = new Uri(address) });
    }

    /// <summary>A call to <paramref name="path"/> with the secret (or <paramref name="secret"/>, or none).</summary>
    public static HttpRequestMessage Call(string path, object body, string? secret = Secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (secret is not null)
        {
            request.Headers.Add("X-Webhook-Secret", secret);
        }

        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
    }
}
