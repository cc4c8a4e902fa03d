// A consumer of the packed packages, built outside the solution. With no arguments it registers the client,
// resolves it and escalates over loopback to the emulator from LivePersonEscalation.Testing, started in-process.
// "serve" runs that emulator until standard input closes, printing "<endpoint> <key>"; "escalate <endpoint> <key>"
// escalates once and exits: the check times it from process start, as a cold start.
using LivePersonEscalation;
using LivePersonEscalation.Testing;
using Microsoft.Extensions.DependencyInjection;

if (args is ["serve"])
{
    await using var served = await EscalationEmulator.StartAsync();
    Console.WriteLine($"{served.Endpoint} {served.ApiAccessKey}");
    await Console.In.ReadToEndAsync();
    return 0;
}

if (args is ["escalate", var endpoint, var key])
{
    var accepted = await EscalateAsync(new Uri(endpoint), key);
    return (int)accepted.StatusCode is >= 200 and <= 299 ? 0 : 1;
}

await using var emulator = await EscalationEmulator.StartAsync();
var result = await EscalateAsync(emulator.Endpoint, emulator.ApiAccessKey);
var recorded = await emulator.WaitForEscalationsAsync(1);
if (recorded.Count != 1 || recorded[0].AgentSkillId != "4242")
{
    Console.Error.WriteLine("consumer: the emulator did not record the escalation");
    return 1;
}

Console.WriteLine($"consumer: {result}");
return 0;

static async Task<EscalationResult> EscalateAsync(Uri endpoint, string key)
{
    var services = new ServiceCollection();
    services.AddLivePersonEscalation(o =>
    {
        o.Endpoint = endpoint;
        o.ApiAccessKey = key;
    });
    await using var provider = services.BuildServiceProvider();

    return await provider.GetRequiredService<IEscalationClient>().EscalateAsync(new EscalationRequest
    {
        UserPlatformId = "consumer-user",
        ChatBotId = "consumer-bot",
        ConversationId = "consumer-conversation-" + Guid.NewGuid().ToString("N"),
        AgentSkillId = "4242",
        Message = "Hold on while I transfer you to an agent.",
    });
}
