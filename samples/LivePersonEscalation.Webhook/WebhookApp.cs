using LivePersonEscalation.Testing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace LivePersonEscalation.WebhookSample;

/// <summary>Builds the webhook app: configuration, the escalation client (on Redis when configured), telemetry, the endpoints. Shared by Program and the tests.</summary>
internal static class WebhookApp
{
    /// <summary>True when configuration names a real target (endpoint or region) instead of the embedded emulator.</summary>
    public static bool HasTarget(IConfiguration configuration)
    {
        var section = configuration.GetSection(EscalationOptions.SectionName);
        return section["Endpoint"] is not null || section["Region"] is not null;
    }

    public static WebApplication Build(string[] args, EscalationEmulator? emulator, Action<WebApplicationBuilder>? configure = null, AccountApiEmulator? accountApis = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (emulator is not null)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["LivePerson:Escalation:Endpoint"] = emulator.Endpoint.ToString(),
                ["LivePerson:Escalation:ApiAccessKey"] = emulator.ApiAccessKey,
            });
        }

        if (accountApis is not null)
        {
            // Shift status and agents online from the emulated account APIs, as from a real account's.
            builder.Configuration.AddInMemoryCollection(accountApis.Settings().ToDictionary(
                setting => $"{EscalationOptions.SectionName}:Availability:{setting.Key}",
                setting => (string?)setting.Value));
        }

        // The tests' settings and services first: they decide what is registered below (the Redis guard).
        configure?.Invoke(builder);
        // Skill availability (LivePerson's shift status and agents online) is on once Availability:AccountId is set.
        var escalation = builder.Services.AddLivePersonEscalation(builder.Configuration.GetSection(EscalationOptions.SectionName))
            .AddSkillAvailability();

        // /healthz: the availability snapshot (Degraded while a skill's data is unknown); with Redis, the guard's store
        // too (Unhealthy while it cannot be reached).
        var health = builder.Services.AddHealthChecks().AddSkillAvailability();
        if (!string.IsNullOrWhiteSpace(builder.Configuration[$"{EscalationOptions.SectionName}:DuplicateGuard:Redis:Configuration"]))
        {
            // Several instances of the webhook share one Redis: one escalation per conversation, and one count of
            // failed transfers, across all of them.
            escalation.AddRedisDuplicateGuard();
            health.AddRedisDuplicateGuard();
        }

        builder.Services.AddSingleton<SkillNames>();
        builder.Services.AddOptions<WebhookSettings>().Bind(builder.Configuration.GetSection("Webhook")).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<WebhookSettings>, WebhookSettingsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, WebhookJsonContext.Default);
            json.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        });

        // OpenTelemetry: the library's activity source and meter, and .NET's HttpClient source for each attempt. The
        // ASP.NET Core instrumentation samples each request: the sampler is parent-based, and the request's activity
        // is the escalation's parent, so without it the library's spans would be dropped with an unsampled request.
        if (builder.Configuration.GetValue("Webhook:ExportTelemetry", defaultValue: false))
        {
            builder.Services.AddOpenTelemetry()
                .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddSource(LivePersonEscalationTelemetry.ActivitySourceName).AddSource("System.Net.Http").AddConsoleExporter())
                .WithMetrics(metrics => metrics.AddMeter(LivePersonEscalationTelemetry.MeterName).AddConsoleExporter());
        }

        var app = builder.Build();
        app.MapPost("/escalations", EscalationEndpoint.HandleAsync);
        app.MapPost("/transfer-failures", TransferFailureEndpoint.HandleAsync);
        app.MapHealthChecks("/healthz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
        return app;
    }
}
