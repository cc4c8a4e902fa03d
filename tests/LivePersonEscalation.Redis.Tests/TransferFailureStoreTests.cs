using System.Net;
using LivePersonEscalation.DuplicateGuard;
using LivePersonEscalation.Redis.Internal;

namespace LivePersonEscalation.Redis.Tests;

/// <summary>The Redis store's transfer-failure steps, one at a time, in the orders a fleet can interleave them.</summary>
[Collection(SharedRedisGroup.Name)]
public sealed class TransferFailureStoreTests(SharedRedis redis) : IAsyncLifetime
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);
    private static readonly TransferFailureRules Rules = new(3, TimeSpan.FromHours(1), ["111"]);

    private RedisDuplicateGuardStore _store = null!;

    public Task InitializeAsync()
    {
        _store = new RedisDuplicateGuardStore(
            RedisConnection.FromConfiguration(redis.Server.Configuration),
            TimeSpan.FromSeconds(5),
            new RedisDataSafety(loggerFactory: null, meterFactory: null, Window, TimeProvider.System));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private static DuplicateGuardEntry Claim(string owner) => new() { State = DuplicateGuardState.InFlight, Owner = owner, AgentSkillId = "111" };

    private static DuplicateGuardEntry Accepted(string owner) => Claim(owner) with { State = DuplicateGuardState.Accepted, StatusCode = HttpStatusCode.OK };

    [Fact]
    public async Task A_report_that_lands_before_the_acceptance_is_settled_still_lets_the_next_escalation_go_out()
    {
        var key = $"lpe:test:late-settle-{Guid.NewGuid():N}";
        const string escalation = "111.process-1";
        Assert.Null(await _store.TryClaimAsync(key, Claim(escalation), TimeSpan.FromMinutes(1), CancellationToken.None));

        var record = await _store.RecordTransferFailureAsync(key, escalation, agentSkillId: null, Rules, CancellationToken.None);
        await _store.SettleAsync(key, escalation, Accepted(escalation), Window, CancellationToken.None);
        var next = Claim("222.process-2");
        var claimed = await _store.TryClaimAsync(key, next, TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Equal((1, true), (record!.TransferFailures, record.Counted));
        Assert.Equal(next, claimed);
    }

    [Fact]
    public async Task A_settled_acceptance_becomes_the_records_latest_escalation()
    {
        var key = $"lpe:test:latest-{Guid.NewGuid():N}";
        await _store.TryClaimAsync(key, Claim("111.process-1"), TimeSpan.FromMinutes(1), CancellationToken.None);
        await _store.SettleAsync(key, "111.process-1", Accepted("111.process-1"), Window, CancellationToken.None);
        await _store.RecordTransferFailureAsync(key, "111.process-1", agentSkillId: null, Rules, CancellationToken.None);
        await _store.TryClaimAsync(key, Claim("111.process-3"), TimeSpan.FromMinutes(1), CancellationToken.None);
        await _store.SettleAsync(key, "111.process-3", Accepted("111.process-3"), Window, CancellationToken.None);

        var repeated = await _store.RecordTransferFailureAsync(key, "111.process-1", agentSkillId: null, Rules, CancellationToken.None);

        Assert.False(repeated!.Counted);
        Assert.Equal("111.process-3", repeated.LatestEscalationId);
        Assert.Equal(["111.process-1"], repeated.ReportedEscalationIds);
    }

    [Fact]
    public async Task A_report_naming_nothing_means_an_unknown_outcome_and_then_counts_once()
    {
        var key = $"lpe:test:unknown-{Guid.NewGuid():N}";
        const string escalation = "111.process-1";
        await _store.TryClaimAsync(key, Claim(escalation), TimeSpan.FromMinutes(1), CancellationToken.None);
        await _store.SettleAsync(key, escalation, Claim(escalation) with { State = DuplicateGuardState.Unknown, Reason = "Timeout" }, Window, CancellationToken.None);

        var first = await _store.RecordTransferFailureAsync(key, escalationId: null, agentSkillId: null, Rules, CancellationToken.None);
        var repeated = await _store.RecordTransferFailureAsync(key, escalationId: null, agentSkillId: null, Rules, CancellationToken.None);
        var next = Claim("222.process-2");
        var claimed = await _store.TryClaimAsync(key, next, TimeSpan.FromMinutes(1), CancellationToken.None);
        var whileInFlight = await _store.RecordTransferFailureAsync(key, escalationId: null, agentSkillId: null, Rules, CancellationToken.None);

        Assert.Equal((1, true, "111"), (first!.TransferFailures, first.Counted, first.FailedSkillId));
        Assert.Equal((1, false), (repeated!.TransferFailures, repeated.Counted));
        Assert.Equal(next, claimed);
        Assert.Equal((1, false), (whileInFlight!.TransferFailures, whileInFlight.Counted));
    }
}
