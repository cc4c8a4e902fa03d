using System.Globalization;
using StackExchange.Redis;

namespace LivePersonEscalation.Redis.Internal;

/// <summary>
/// The duplicate guard's store on Redis, shared by every instance of a fleet. An uncontended escalation costs two
/// round trips: the claim (<see cref="RedisGuardScripts.Claim"/>) and its settlement (<see cref="RedisGuardScripts.Settle"/>).
/// A repeat that finds the conversation in flight polls it with backoff until the owner settles or its claim
/// expires. Every step is bounded by the operation timeout; a failure surfaces as an exception, which the guard
/// turns into fail-open or fail-closed (<see cref="DuplicateGuardOptions.WhenStoreUnavailable"/>). Timed on real time:
/// Redis expires keys on its own clock.
/// </summary>
internal sealed class RedisDuplicateGuardStore(RedisConnection connection, TimeSpan operationTimeout) : IDuplicateGuardStore, IAsyncDisposable
{
    // How long a refusal stays for the callers that were waiting on its owner when it came.
    private static readonly TimeSpan RefusalExpiry = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(250);

    public async ValueTask<DuplicateGuardEntry?> TryClaimAsync(string key, DuplicateGuardEntry claim, TimeSpan expiry, CancellationToken cancellationToken)
    {
        var database = await DatabaseAsync(cancellationToken).ConfigureAwait(false);
        var existing = await Bounded(
            database.ScriptEvaluateAsync(RedisGuardScripts.Claim, [RedisKeyOf(key)], [RedisEntryCodec.Encode(claim), Milliseconds(expiry)]),
            cancellationToken).ConfigureAwait(false);
        return existing.IsNull ? null : RedisEntryCodec.Decode((string?)existing);
    }

    public async ValueTask SettleAsync(string key, string owner, DuplicateGuardEntry? outcome, TimeSpan expiry, CancellationToken cancellationToken)
    {
        var database = await DatabaseAsync(cancellationToken).ConfigureAwait(false);
        var kept = outcome is { State: not DuplicateGuardState.NotAccepted } && expiry > TimeSpan.Zero ? RedisEntryCodec.Encode(outcome) : string.Empty;
        var refusal = outcome is { State: DuplicateGuardState.NotAccepted } ? RedisEntryCodec.Encode(outcome) : string.Empty;
        await Bounded(
            database.ScriptEvaluateAsync(
                RedisGuardScripts.Settle,
                [RedisKeyOf(key), RefusalKeyOf(key, owner)],
                [RedisEntryCodec.OwnerPrefix(DuplicateGuardState.InFlight, owner), kept, Milliseconds(expiry), refusal, Milliseconds(RefusalExpiry)]),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<DuplicateGuardEntry?> WaitWhileInFlightAsync(string key, DuplicateGuardEntry inFlight, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var database = await DatabaseAsync(cancellationToken).ConfigureAwait(false);
        var started = TimeProvider.System.GetTimestamp();
        var poll = FirstPoll;
        while (true)
        {
            var current = RedisEntryCodec.Decode(await Bounded(database.StringGetAsync(RedisKeyOf(key)), cancellationToken).ConfigureAwait(false));
            if (current is null)
            {
                // Settled and forgotten, or the claim expired: a refusal of the owner waited on, if it left one.
                var refused = await Bounded(database.StringGetAsync(RefusalKeyOf(key, inFlight.Owner)), cancellationToken).ConfigureAwait(false);
                return RedisEntryCodec.Decode(refused);
            }

            if (current.Owner != inFlight.Owner || current.State != DuplicateGuardState.InFlight)
            {
                return current;
            }

            var left = maxWait - TimeProvider.System.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                return current;
            }

            await Task.Delay(poll < left ? poll : left, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            poll = TimeSpan.FromTicks(Math.Min(poll.Ticks * 2, LongestPoll.Ticks));
        }
    }

    /// <summary>Closes the connection if this guard made it (a host's own stays open).</summary>
    /// <returns>A task that completes when the connection is closed.</returns>
    public ValueTask DisposeAsync() => connection.DisposeAsync();

    /// <summary>The conversation's key, in a hash tag so its refusal key lives in the same cluster slot.</summary>
    private static RedisKey RedisKeyOf(string key) => "{" + key + "}";

    private static RedisKey RefusalKeyOf(string key, string owner) => "{" + key + "}:refused:" + owner;

    private static RedisValue Milliseconds(TimeSpan span) => ((long)Math.Max(1, span.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);

    private async Task<IDatabase> DatabaseAsync(CancellationToken cancellationToken) =>
        (await Bounded(connection.GetAsync(), cancellationToken).ConfigureAwait(false)).GetDatabase();

    /// <summary>
    /// Waits for a Redis step at most the operation timeout: a dead or slow Redis cannot hold an escalation. On a
    /// connection the guard made, StackExchange.Redis enforces that timeout itself, and a second timer per step
    /// would only cost.
    /// </summary>
    private Task<T> Bounded<T>(Task<T> step, CancellationToken cancellationToken) =>
        connection.BoundsItsOwnSteps && !cancellationToken.CanBeCanceled ? step : step.WaitAsync(operationTimeout, TimeProvider.System, cancellationToken);
}
