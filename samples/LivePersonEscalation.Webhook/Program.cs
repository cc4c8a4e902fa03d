using LivePersonEscalation.Testing;
using LivePersonEscalation.WebhookSample;

// The service a Conversation Builder bot calls through an API integration. Runs against the embedded emulator
// unless configuration names an endpoint or region. Needs Webhook:Secret (Webhook__Secret in the environment).
var probe = new ConfigurationBuilder()
    .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
    .AddEnvironmentVariables()
    .AddCommandLine(args)
    .Build();

await using var emulator = WebhookApp.HasTarget(probe) ? null : await EscalationEmulator.StartAsync();
if (emulator is not null)
{
    Console.WriteLine($"Escalating to the embedded local emulator at {emulator.Endpoint}.");
}

await using var app = WebhookApp.Build(args, emulator);
await app.RunAsync();
