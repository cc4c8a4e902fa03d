// A consumer of the packed packages, built outside the solution: registers the client, resolves it and
// escalates over loopback to the emulator from LivePersonEscalation.Testing.
using LivePersonEscalation;
using LivePersonEscalation.Testing;
using Microsoft.Extensions.DependencyInjection;

await using var emulator = await EscalationEmulator.StartAsync();

var services = new ServiceCollection();
services.AddLivePersonEscalation(o =>
{
    o.Endpoint = emulator.Endpoint;
    o.ApiAccessKey = emulator.ApiAccessKey;
});
await using var provider = services.BuildServiceProvider();

var client = provider.GetRequiredService<IEscalationClient>();
var result = await client.EscalateAsync(new EscalationRequest
{
    UserPlatformId = "consumer-user",
    ChatBotId = "consumer-bot",
    ConversationId = "consumer-conversation",
    AgentSkillId = "4242",
    Message = "Hold on while I transfer you to an agent.",
});

var recorded = await emulator.WaitForEscalationsAsync(1);
if (recorded.Count != 1 || recorded[0].AgentSkillId != "4242")
{
    Console.Error.WriteLine("consumer: the emulator did not record the escalation");
    return 1;
}

Console.WriteLine($"consumer: {result}");
return 0;
