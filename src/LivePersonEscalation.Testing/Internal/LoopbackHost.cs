using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace LivePersonEscalation.Testing.Internal;

/// <summary>A minimal Kestrel server on a loopback address, shared by the emulators: refuses other addresses, reports where it listens.</summary>
internal static class LoopbackHost
{
    public static async Task<(WebApplication App, Uri BaseAddress)> StartAsync(IPAddress address, int port, RequestDelegate serve, Action<KestrelServerOptions>? configure, CancellationToken cancellationToken)
    {
        if (!IPAddress.IsLoopback(address))
        {
            throw new ArgumentException($"The emulator only listens on loopback addresses, not {address}: set its options' Address to 127.0.0.1 or ::1.", nameof(address));
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(address, port);
            configure?.Invoke(kestrel);
        });
        var app = builder.Build();
        app.Run(serve);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var listening = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return (app, new Uri(listening.EndsWith('/') ? listening : listening + "/"));
    }
}
