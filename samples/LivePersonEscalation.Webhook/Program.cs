using LivePersonEscalation.Testing;
using LivePersonEscalation.WebhookSample;

// The service a Conversation Builder bot calls through an API integration. Runs against the embedded emulators (the
// escalation endpoint and LivePerson's account APIs for shift status and agents online) unless configuration names an
// endpoint or region. Needs Webhook:Secret (Webhook__Secret in the environment).
var probe = new ConfigurationBuilder()
    .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
    .AddEnvironmentVariables()
    .AddCommandLine(args)
    .Build();

var embedded = !WebhookApp.HasTarget(probe);
await using var emulator = embedded ? await EscalationEmulator.StartAsync() : null;
await using var accountApis = embedded ? await AccountApiEmulator.StartAsync() : null;
if (emulator is not null && accountApis is not null)
{
    DemoAccount.Seed(accountApis, probe, DateTimeOffset.UtcNow);
    Console.WriteLine($"Escalating to the embedded local emulator at {emulator.Endpoint}; shift status, agents and waits from the embedded account APIs at {accountApis.DomainApi} ({DemoAccount.OffShiftSkill} is off shift).");
}

// The embedded account also says each skill's wait (its queue health), as a real one does once LivePerson enables it.
await using var app = WebhookApp.Build(
    args,
    emulator,
    configure: embedded ? builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [DemoAccount.QueueHealthSetting] = "true" }) : null,
    accountApis: accountApis);
await app.RunAsync();
