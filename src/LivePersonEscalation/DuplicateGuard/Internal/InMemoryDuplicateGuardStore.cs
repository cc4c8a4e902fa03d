namespace LivePersonEscalation.Internal;

/// <summary>
/// The default <see cref="IDuplicateGuardStore"/>: one process's conversations in a dictionary under a lock. Bounded
/// in count and in bytes: settled entries expire after their window, and beyond either bound the oldest settled ones
/// are forgotten first. Claims in flight are never evicted; when every slot is in flight a new conversation is let
/// through unguarded rather than growing without bound. Thread-safe; every step completes synchronously.
/// </summary>
/// <remarks>
/// A slot is a struct inside the dictionary, so a remembered conversation costs its entry and no object of its own:
/// a busy guard keeps thousands alive across collections.
/// </remarks>
internal sealed class InMemoryDuplicateGuardStore(int maxConversations, long maxBytes, TimeProvider timeProvider) : IDuplicateGuardStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    // Settled slots in the order they were settled: the order they expire in, and the order they are evicted in.
    // The version tells whether the conversation's slot is still that one.
    private readonly Queue<(string Key, long Version)> _settled = new();
    private long _bytes;
    private long _versions;

    /// <summary>How many conversations are remembered now (in flight or settled).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _slots.Count;
            }
        }
    }

    /// <summary>The estimated bytes held by remembered entries.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    public ValueTask<DuplicateGuardEntry?> TryClaimAsync(string key, DuplicateGuardEntry claim, TimeSpan expiry, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetTimestamp();
        TaskCompletionSource<DuplicateGuardEntry?>? orphanedWaiters = null;
        lock (_gate)
        {
            ForgetExpired(now);
            if (_slots.TryGetValue(key, out var existing))
            {
                if (!existing.HasExpired(timeProvider, now))
                {
                    return new ValueTask<DuplicateGuardEntry?>(existing.Entry);
                }

                // A claim whose owner never settled it within its expiry: take it over, and let its waiters look again.
                Remove(key, existing);
                orphanedWaiters = existing.Waiters;
            }

            if (_slots.Count >= maxConversations && !EvictOldestSettled())
            {
                // Every slot is in flight: guard nothing rather than grow without bound.
                return new ValueTask<DuplicateGuardEntry?>((DuplicateGuardEntry?)null);
            }

            Add(key, new Slot(claim, now, expiry, ++_versions, Bytes: SizeOf(key, claim)));
        }

        orphanedWaiters?.TrySetResult(null);
        return new ValueTask<DuplicateGuardEntry?>((DuplicateGuardEntry?)null);
    }

    public ValueTask SettleAsync(string key, string owner, DuplicateGuardEntry? outcome, TimeSpan expiry, CancellationToken cancellationToken)
    {
        TaskCompletionSource<DuplicateGuardEntry?>? waiters;
        lock (_gate)
        {
            if (!_slots.TryGetValue(key, out var claim) || claim.Entry.Owner != owner || claim.Entry.State != DuplicateGuardState.InFlight)
            {
                return default;
            }

            Remove(key, claim);
            waiters = claim.Waiters;
            if (outcome is { State: not DuplicateGuardState.NotAccepted } && expiry > TimeSpan.Zero)
            {
                var settled = new Slot(outcome, timeProvider.GetTimestamp(), expiry, ++_versions, Bytes: SizeOf(key, outcome));
                Add(key, settled);
                _settled.Enqueue((key, settled.Version));
                while ((_slots.Count > maxConversations || _bytes > maxBytes) && EvictOldestSettled())
                {
                }
            }
        }

        // Outside the lock: waiters continue asynchronously, but nothing of theirs should run under it.
        waiters?.TrySetResult(outcome);
        return default;
    }

    public async ValueTask<DuplicateGuardEntry?> WaitWhileInFlightAsync(string key, DuplicateGuardEntry inFlight, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        Task<DuplicateGuardEntry?> settled;
        lock (_gate)
        {
            if (!_slots.TryGetValue(key, out var slot) || !ReferenceEquals(slot.Entry, inFlight))
            {
                return _slots.TryGetValue(key, out var current) ? current.Entry : null;
            }

            if (slot.Waiters is null)
            {
                slot = slot with { Waiters = new TaskCompletionSource<DuplicateGuardEntry?>(TaskCreationOptions.RunContinuationsAsynchronously) };
                _slots[key] = slot;
            }

            settled = slot.Waiters!.Task;
        }

        try
        {
            return await settled.WaitAsync(maxWait, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return inFlight;
        }
    }

    private static long SizeOf(string key, DuplicateGuardEntry entry) => entry.EstimateSize() + (2L * key.Length);

    private void ForgetExpired(long now)
    {
        while (_settled.Count > 0)
        {
            var (key, version) = _settled.Peek();
            if (_slots.TryGetValue(key, out var slot) && slot.Version == version && !slot.HasExpired(timeProvider, now))
            {
                return;
            }

            _settled.Dequeue();
            if (slot.Version == version)
            {
                Remove(key, slot);
            }
        }
    }

    private bool EvictOldestSettled()
    {
        while (_settled.Count > 0)
        {
            var (key, version) = _settled.Dequeue();
            if (_slots.TryGetValue(key, out var slot) && slot.Version == version)
            {
                Remove(key, slot);
                return true;
            }
        }

        return false;
    }

    private void Add(string key, Slot slot)
    {
        _slots.Add(key, slot);
        _bytes += slot.Bytes;
    }

    private void Remove(string key, Slot slot)
    {
        _slots.Remove(key);
        _bytes -= slot.Bytes;
    }

    /// <summary>One remembered conversation: its entry, when it expires, and the callers waiting for a claim to settle.</summary>
    private readonly record struct Slot(DuplicateGuardEntry Entry, long Since, TimeSpan Lifetime, long Version, long Bytes)
    {
        public TaskCompletionSource<DuplicateGuardEntry?>? Waiters { get; init; }

        public bool HasExpired(TimeProvider time, long now) => time.GetElapsedTime(Since, now) >= Lifetime;
    }
}
