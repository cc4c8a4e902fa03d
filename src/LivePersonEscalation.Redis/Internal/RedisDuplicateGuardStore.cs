using System.Globalization;
using LivePersonEscalation.DuplicateGuard;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace LivePersonEscalation.Redis.Internal;

/// <summary>
/// The duplicate guard's shared tier on Redis, behind every instance's own. An uncontended escalation costs two round
/// trips: the claim (<see cref="RedisGuardScripts.Claim"/>) and its settlement (<see cref="RedisGuardScripts.Settle"/>,
/// which also adds an outcome sent while Redis could not be reached). One caller per conversation per instance polls a
/// claim in flight, with backoff, until its owner settles or the claim expires. A step fails at once while the
/// connection is down (StackExchange.Redis's own state); the guard bounds each step by the operation timeout.
/// Timed on real time: Redis expires keys on its own clock.
/// </summary>
internal sealed partial class RedisDuplicateGuardStore : IDuplicateGuardStore, IHealthCheck, IAsyncDisposable
{
    // How long a refusal stays for the callers that were waiting on its owner when it came.
    private static readonly TimeSpan RefusalExpiry = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(250);

    private readonly RedisConnection _connection;
    private readonly TimeSpan _operationTimeout;
    private readonly RedisDataSafety _dataSafety;

    public RedisDuplicateGuardStore(RedisConnection connection, TimeSpan operationTimeout, RedisDataSafety dataSafety)
    {
        _connection = connection;
        _operationTimeout = operationTimeout;
        _dataSafety = dataSafety;

        // Connect now, not on the first escalation: it finds Redis ready, or fails at once while Redis is down.
        _ = WatchAsync();
    }

    public async ValueTask<DuplicateGuardEntry?> TryClaimAsync(string key, DuplicateGuardEntry claim, TimeSpan expiry, CancellationToken cancellationToken)
    {
        var database = await DatabaseAsync().ConfigureAwait(false);
        var existing = await database.ScriptEvaluateAsync(RedisGuardScripts.Claim, [RedisKeyOf(key), TransfersKeyOf(key)], [RedisEntryCodec.Encode(claim), Milliseconds(expiry)]).ConfigureAwait(false);
        return existing.IsNull ? null : RedisEntryCodec.Decode((string?)existing);
    }

    public async ValueTask SettleAsync(string key, string owner, DuplicateGuardEntry? outcome, TimeSpan expiry, CancellationToken cancellationToken)
    {
        var database = await DatabaseAsync().ConfigureAwait(false);
        var kept = outcome is { State: DuplicateGuardState.Accepted or DuplicateGuardState.Unknown } && expiry > TimeSpan.Zero ? RedisEntryCodec.Encode(outcome) : string.Empty;
        var refusal = outcome is { State: DuplicateGuardState.NotAccepted } ? RedisEntryCodec.Encode(outcome) : string.Empty;
        var accepted = outcome is { State: DuplicateGuardState.Accepted } && kept.Length > 0 ? outcome.Owner : string.Empty;
        await database.ScriptEvaluateAsync(
            RedisGuardScripts.Settle,
            [RedisKeyOf(key), RefusalKeyOf(key, owner), TransfersKeyOf(key)],
            [RedisEntryCodec.OwnerPrefix(DuplicateGuardState.InFlight, owner), kept, Milliseconds(expiry), refusal, Milliseconds(RefusalExpiry), accepted]).ConfigureAwait(false);
    }

    public async ValueTask<TransferFailureRecord?> RecordTransferFailureAsync(string key, string? escalationId, string? agentSkillId, TransferFailureRules rules, CancellationToken cancellationToken)
    {
        var database = await DatabaseAsync().ConfigureAwait(false);
        var withFallback = rules.SkillsWithFallback is { } skills ? "," + string.Join(",", skills) + "," : "*";
        var answer = (RedisResult[])(await database.ScriptEvaluateAsync(
            RedisGuardScripts.ReportTransferFailure,
            [RedisKeyOf(key), TransfersKeyOf(key)],
            [escalationId ?? string.Empty, agentSkillId ?? string.Empty, rules.MaxTransferFailures, Milliseconds(rules.Window), withFallback]).ConfigureAwait(false))!;
        return RedisEntryCodec.DecodeRecord((string?)answer[1], counted: (int)answer[0] == 1);
    }

    public async ValueTask<DuplicateGuardEntry?> WaitWhileInFlightAsync(string key, DuplicateGuardEntry inFlight, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var database = await DatabaseAsync().ConfigureAwait(false);
        var started = TimeProvider.System.GetTimestamp();
        var poll = FirstPoll;
        while (true)
        {
            var left = maxWait - TimeProvider.System.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                return inFlight;
            }

            DuplicateGuardEntry? current;
            try
            {
                current = RedisEntryCodec.Decode(await database.StringGetAsync(RedisKeyOf(key)).WaitAsync(left, TimeProvider.System, cancellationToken).ConfigureAwait(false));
                if (current is null)
                {
                    // Settled and forgotten, or the claim expired: a refusal of the owner waited on, if it left one.
                    var refused = await database.StringGetAsync(RefusalKeyOf(key, inFlight.Owner)).WaitAsync(left, TimeProvider.System, cancellationToken).ConfigureAwait(false);
                    return RedisEntryCodec.Decode(refused);
                }
            }
            catch (TimeoutException)
            {
                // The claim's whole expiry passed: still in flight, as far as this caller knows.
                return inFlight;
            }

            if (current.Owner != inFlight.Owner || current.State != DuplicateGuardState.InFlight)
            {
                return current;
            }

            await Task.Delay(poll < left ? poll : left, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            poll = TimeSpan.FromTicks(Math.Min(poll.Ticks * 2, LongestPoll.Ticks));
        }
    }

    /// <summary>Closes the connection if this guard made it (a host's own stays open).</summary>
    /// <returns>A task that completes when the connection is closed.</returns>
    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    /// <summary>
    /// The conversation's key, in a hash tag so its refusal key lives in the same cluster slot. Braces and the escape
    /// character itself are escaped, so no conversation id can end the hash tag early.
    /// </summary>
    internal static RedisKey RedisKeyOf(string key) => "{" + Escape(key) + "}";

    private static RedisKey RefusalKeyOf(string key, string owner) => "{" + Escape(key) + "}:refused:" + owner;

    private static RedisKey TransfersKeyOf(string key) => "{" + Escape(key) + "}:transfers";

    private static string Escape(string key) =>
        key.IndexOfAny(['{', '}', '%']) < 0 ? key : key.Replace("%", "%25").Replace("{", "%7B").Replace("}", "%7D");

    private static RedisValue Milliseconds(TimeSpan span) => ((long)Math.Max(1, span.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);

    /// <summary>The database, or a failure at once while the connection is down: nothing waits for a dead Redis.</summary>
    private async Task<IDatabase> DatabaseAsync()
    {
        var multiplexer = await _connection.GetAsync().ConfigureAwait(false);
        if (!multiplexer.IsConnected)
        {
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None, "The duplicate guard's Redis is not connected.");
        }

        return multiplexer.GetDatabase();
    }
}
