using LivePersonEscalation.DuplicateGuard;

namespace LivePersonEscalation.Internal;

/// <summary>
/// How the guard calls the shared store: each call bounded (by the operation timeout when a caller waits for it;
/// longer for a write in the background), on the guard's clock, through the call's token, and any failure of the
/// store turned into a step that did not answer (the guard decides what follows). A call the guard stopped waiting
/// for may still land: that is why every later step reads the record and decides again. Whether the store is
/// reachable at all is the store's to say: it fails at once while it knows it is not (the Redis store from its
/// connection's state and its circuit breaker, which the calls that ran out of time open).
/// </summary>
/// <param name="store">The shared store.</param>
/// <param name="operationTimeout">How long a caller waits for one call.</param>
/// <param name="longestCall">How long any call is waited for at all, whatever the store does with its token: the claim's expiry, past which no answer matters.</param>
/// <param name="timeProvider">The guard's clock.</param>
internal sealed class SharedStoreCalls(IDuplicateGuardStore store, TimeSpan operationTimeout, TimeSpan longestCall, TimeProvider timeProvider)
{
    public ValueTask<StoreStep<DuplicateGuardRecord>> ReadAsync(string key, TimeSpan? bound = null) =>
        CallAsync(static (s, key, _, _, token) => s.ReadAsync(key, token), key, null, null, bound ?? operationTimeout);

    public ValueTask<StoreStep<DuplicateGuardRecord>> WriteAsync(string key, string? expectedVersion, DuplicateGuardRecord record, TimeSpan? bound = null) =>
        CallAsync(static (s, key, expected, record, token) => s.WriteAsync(key, expected, record!, token), key, expectedVersion, record, bound ?? operationTimeout);

    /// <summary>Waits for a change of the record (the store bounds the wait by <paramref name="maxWait"/>, and this call an operation timeout longer).</summary>
    public async ValueTask<StoreStep<DuplicateGuardRecord>> WaitForChangeAsync(string key, string? version, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        try
        {
            var changed = await store.WaitForChangeAsync(key, version, maxWait, cancellationToken).AsTask()
                .WaitAsync(maxWait + operationTimeout, timeProvider, cancellationToken).ConfigureAwait(false);
            return StoreStep<DuplicateGuardRecord>.Answer(changed);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure of a store is a store that did not answer: the guard decides what follows.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return StoreStep<DuplicateGuardRecord>.Failed(ex);
        }
    }

    private async ValueTask<StoreStep<DuplicateGuardRecord>> CallAsync(
        Func<IDuplicateGuardStore, string, string?, DuplicateGuardRecord?, CancellationToken, ValueTask<DuplicateGuardRecord?>> call,
        string key,
        string? expected,
        DuplicateGuardRecord? record,
        TimeSpan bound)
    {
        using var timeout = new LinkedTimeout(bound, timeProvider, CancellationToken.None);
        Task<DuplicateGuardRecord?>? pending = null;
        try
        {
            var started = call(store, key, expected, record, timeout.Token);
            if (started.IsCompleted)
            {
                return StoreStep<DuplicateGuardRecord>.Answer(await started.ConfigureAwait(false));
            }

            // The token tells the store the call's time ran out; the store ends the call then, unless it knows the
            // answer is on its way (the Redis store, while Redis answers and this process is slow to read it). The
            // longest call bounds a store that does neither.
            pending = started.AsTask();
            return StoreStep<DuplicateGuardRecord>.Answer(await pending.WaitAsync(bound > longestCall ? bound : longestCall, timeProvider).ConfigureAwait(false));
        }
#pragma warning disable CA1031 // Any failure of a store is a store that did not answer: the guard decides what follows.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (pending is { IsCompleted: false })
            {
                _ = ObserveAsync(pending);
            }

            // A store's own failure (a Redis known down or skipped, saying why) is passed on as the store worded it.
            return StoreStep<DuplicateGuardRecord>.Failed(timeout.TimedOut
                ? new TimeoutException($"The duplicate guard's store ({store}) did not answer within {bound.TotalMilliseconds:0} ms (DuplicateGuard:StoreTimeout).", ex)
                : ex);
        }
    }

    /// <summary>Awaits a call nobody waits for any more, so its failure (if it fails) is observed.</summary>
    private static async Task ObserveAsync(Task call)
    {
        try
        {
            await call.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The guard went on without this call; every later step reads what it left.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
