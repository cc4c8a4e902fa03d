using LivePersonEscalation.Testing;
using LivePersonEscalation.WorkerSample;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

// Runs against the embedded emulator unless configuration names an endpoint or region.
var probe = new ConfigurationBuilder()
    .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
    .AddEnvironmentVariables()
    .AddCommandLine(args)
    .Build();

await using var emulator = WorkerHost.HasTarget(probe) ? null : await EscalationEmulator.StartAsync();
if (emulator is not null)
{
    Console.WriteLine($"Using the embedded local emulator at {emulator.Endpoint}.");
}

using var host = WorkerHost.CreateBuilder(args, emulator).Build();
await host.RunAsync();
return Environment.ExitCode;
