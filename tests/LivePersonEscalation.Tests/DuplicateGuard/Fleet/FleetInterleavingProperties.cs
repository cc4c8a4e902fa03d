using CsCheck;

namespace LivePersonEscalation.Tests.DuplicateGuard.Fleet;

using static FleetInstances;

/// <summary>
/// Random interleavings of escalations, transfer-failure reports and store faults over three instances sharing one
/// store. With <see cref="DuplicateGuardOptions.RefuseWhenStoreUnavailable"/> (no instance ever sends unguarded), a conversation is
/// never sent more often than once plus the failures reported for it, however the calls and faults interleave.
/// </summary>
public sealed class FleetInterleavingProperties
{
    private enum Step
    {
        Escalate,
        ReportLatest,
        LinkDown,
        LinkUp,
        LoseWriteAnswers,
    }

    private static readonly Gen<(Step Step, int Instance, int Conversation, int Skill)> Operation =
        Gen.Select(Gen.Enum<Step>(), Gen.Int[0, 2], Gen.Int[0, 1], Gen.Int[0, 1]);

    [Fact]
    public async Task No_conversation_is_sent_twice_unless_a_failure_of_it_was_counted()
    {
        await Operation.Array[4, 14].SampleAsync(RunAsync, iter: 100, threads: 1, print: ops => string.Join(" ", ops.Select(o => $"{o.Step}@{o.Instance}:c{o.Conversation}s{o.Skill}")));
    }

    private static async Task RunAsync((Step Step, int Instance, int Conversation, int Skill)[] operations)
    {
        var fleet = new FleetInstances(TimeProvider.System, count: 3, o => o.DuplicateGuard.RefuseWhenStoreUnavailable = true);

        // Every round trip takes a little time, so calls overlap as they do over a network.
        fleet.Wire.Intercept(cancellationToken => Task.Delay(3, cancellationToken));
        foreach (var link in fleet.Links)
        {
            link.Latency = TimeSpan.FromMilliseconds(1);
        }

        var latest = new Dictionary<int, string?>();
        var calls = new List<Task>();
        foreach (var (step, instance, conversation, skill) in operations)
        {
            var client = fleet.Clients[instance];
            var link = fleet.Links[instance];
            switch (step)
            {
                case Step.Escalate:
                    calls.Add(Quietly(async () => latest[conversation] = (await client.EscalateAsync(To($"c{conversation}", skill == 0 ? Billing : General))).EscalationId));
                    break;
                case Step.ReportLatest:
                    calls.Add(Quietly(() => client.ReportTransferFailureAsync(Report($"c{conversation}", latest.GetValueOrDefault(conversation)))));
                    break;
                case Step.LinkDown:
                    link.Unreachable = true;
                    break;
                case Step.LinkUp:
                    (link.Unreachable, link.LoseAnswers) = (false, false);
                    break;
                case Step.LoseWriteAnswers:
                    link.LoseAnswers = true;
                    break;
            }

            await Task.Yield();
        }

        foreach (var link in fleet.Links)
        {
            (link.Unreachable, link.LoseAnswers) = (false, false);
        }

        await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(60));
        await fleet.WritesLandedAsync();

        foreach (var sent in fleet.Wire.Requests.GroupBy(r => r.Json.GetProperty("conversationId").GetString()!))
        {
            var record = await fleet.Links[0].Inner.ReadAsync(KeyOf(fleet, sent.Key), CancellationToken.None);
            var counted = record?.Conversation.TransferFailures ?? 0;
            Assert.True(sent.Count() <= 1 + counted, $"{sent.Key} was sent {sent.Count()} times with {counted} failure(s) counted");
        }
    }

    private static string KeyOf(FleetInstances fleet, string conversationId) => fleet.Runtimes[0].Settings.DuplicateGuard!.KeyPrefix + conversationId;

    /// <summary>Runs a call whose refusal is one of the outcomes the property allows: only what went out is counted.</summary>
    private static async Task Quietly(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (EscalationException)
        {
        }
        catch (ArgumentException)
        {
        }
    }
}
