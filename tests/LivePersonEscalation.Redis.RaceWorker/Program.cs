using System.Globalization;
using LivePersonEscalation;
using Microsoft.Extensions.DependencyInjection;

// One instance of a fleet: escalates conversations "<prefix>-0" .. "<prefix>-<n-1>", <callers> concurrent calls each,
// guarded on Redis, then prints "sent=<n> deduplicated=<n> failed=<n>".
// Usage: RaceWorker <endpoint> <api-key> <redis> <prefix> <conversations> <callers>
if (args.Length != 6)
{
    await Console.Error.WriteLineAsync("usage: RaceWorker <endpoint> <api-key> <redis> <prefix> <conversations> <callers>");
    return 2;
}

var conversations = int.Parse(args[4], CultureInfo.InvariantCulture);
var callers = int.Parse(args[5], CultureInfo.InvariantCulture);
var services = new ServiceCollection();
services.AddLivePersonEscalation(o =>
{
    o.Endpoint = new Uri(args[0]);
    o.ApiAccessKey = args[1];
}).AddRedisDuplicateGuard(args[2]);
await using var provider = services.BuildServiceProvider();
var client = provider.GetRequiredService<IEscalationClient>();

// Start together with the other workers: each waits for a line on standard input.
await Console.In.ReadLineAsync();

var sent = 0;
var deduplicated = 0;
var failed = 0;
var calls = Enumerable.Range(0, conversations * callers).Select(i => $"{args[3]}-{i / callers}");
await Parallel.ForEachAsync(calls, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (conversation, cancellationToken) =>
{
    try
    {
        var result = await client.EscalateAsync(
            new EscalationRequest { UserPlatformId = "upid-1", ChatBotId = "bot-1", ConversationId = conversation, AgentSkillId = "111", Message = "Hold on." },
            cancellationToken);
        Interlocked.Increment(ref result.IsDeduplicated ? ref deduplicated : ref sent);
    }
    catch (EscalationException)
    {
        Interlocked.Increment(ref failed);
    }
});

Console.WriteLine($"sent={sent} deduplicated={deduplicated} failed={failed}");
return failed == 0 ? 0 : 1;
