using LivePersonEscalation.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace LivePersonEscalation.WorkerSample;

/// <summary>Builds the worker's host: configuration, the escalation client, the worker. Shared by Program and the tests.</summary>
internal static class WorkerHost
{
    /// <summary>True when configuration names a real target (endpoint or region) instead of the embedded emulator.</summary>
    public static bool HasTarget(IConfiguration configuration)
    {
        var section = configuration.GetSection(EscalationOptions.SectionName);
        return section["Endpoint"] is not null || section["Region"] is not null;
    }

    public static HostApplicationBuilder CreateBuilder(string[] args, EscalationEmulator? emulator)
    {
        // appsettings.json sits beside the binary, whatever the working directory is.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (emulator is not null)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["LivePerson:Escalation:Endpoint"] = emulator.Endpoint.ToString(),
                ["LivePerson:Escalation:ApiAccessKey"] = emulator.ApiAccessKey,
            });
        }

        // The whole integration: options bound from "LivePerson:Escalation" (appsettings.json, then
        // environment variables such as LivePerson__Escalation__ApiAccessKey), validated at start-up.
        builder.Services.AddLivePersonEscalation(builder.Configuration.GetSection(EscalationOptions.SectionName));

        // OpenTelemetry: the library's activity source and meter are both named "LivePersonEscalation".
        if (builder.Configuration.GetValue("Demo:ExportTelemetry", defaultValue: false))
        {
            builder.Services.AddOpenTelemetry()
                .WithTracing(tracing => tracing.AddSource(LivePersonEscalationTelemetry.ActivitySourceName).AddSource("System.Net.Http").AddConsoleExporter())
                .WithMetrics(metrics => metrics.AddMeter(LivePersonEscalationTelemetry.MeterName).AddConsoleExporter());
        }

        builder.Services.AddOptions<DemoConversation>().Bind(builder.Configuration.GetSection("Demo"));
        builder.Services.AddHostedService<EscalationWorker>();
        return builder;
    }
}
