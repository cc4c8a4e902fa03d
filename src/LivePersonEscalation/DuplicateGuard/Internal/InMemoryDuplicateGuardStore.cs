namespace LivePersonEscalation.Internal;

/// <summary>
/// The default <see cref="IDuplicateGuardStore"/>: one process's conversations in a dictionary under a lock. Bounded
/// in count and in bytes: settled entries expire after their window, and beyond either bound the oldest settled ones
/// are forgotten first. Claims in flight are never evicted; when every slot is in flight a new conversation is let
/// through unguarded rather than growing without bound. Thread-safe; every step completes synchronously.
/// </summary>
internal sealed class InMemoryDuplicateGuardStore(int maxConversations, long maxBytes, TimeProvider timeProvider) : IDuplicateGuardStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    // Settled slots in the order they were settled: the order they expire in, and the order they are evicted in.
    private readonly Queue<Slot> _settled = new();
    private long _bytes;

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
                Remove(existing);
                existing.TakeWaiters()?.TrySetResult(null);
            }

            if (_slots.Count >= maxConversations && !EvictOldestSettled())
            {
                // Every slot is in flight: guard nothing rather than grow without bound.
                return new ValueTask<DuplicateGuardEntry?>((DuplicateGuardEntry?)null);
            }

            var slot = new Slot(key, claim, now, expiry);
            _slots.Add(key, slot);
            _bytes += slot.Bytes;
            return new ValueTask<DuplicateGuardEntry?>((DuplicateGuardEntry?)null);
        }
    }

    public ValueTask SettleAsync(string key, string owner, DuplicateGuardEntry? outcome, TimeSpan expiry, CancellationToken cancellationToken)
    {
        TaskCompletionSource<DuplicateGuardEntry?>? waiters;
        lock (_gate)
        {
            if (!_slots.TryGetValue(key, out var slot) || slot.Entry.Owner != owner || slot.Entry.State != DuplicateGuardState.InFlight)
            {
                return default;
            }

            if (outcome is { State: not DuplicateGuardState.NotAccepted } && expiry > TimeSpan.Zero)
            {
                // The claim's slot becomes the settled one: same key, new entry and lifetime.
                _bytes -= slot.Bytes;
                waiters = slot.Settle(outcome, timeProvider.GetTimestamp(), expiry);
                _bytes += slot.Bytes;
                _settled.Enqueue(slot);
                while ((_slots.Count > maxConversations || _bytes > maxBytes) && EvictOldestSettled())
                {
                }
            }
            else
            {
                Remove(slot);
                waiters = slot.TakeWaiters();
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
                return slot?.Entry;
            }

            settled = slot.WhenSettled();
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

    private void ForgetExpired(long now)
    {
        while (_settled.Count > 0 && _settled.Peek().HasExpired(timeProvider, now))
        {
            Remove(_settled.Dequeue());
        }
    }

    private bool EvictOldestSettled()
    {
        while (_settled.Count > 0)
        {
            var oldest = _settled.Dequeue();
            if (Remove(oldest))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Removes <paramref name="slot"/> if it is still the conversation's current slot.</summary>
    private bool Remove(Slot slot)
    {
        if (!_slots.TryGetValue(slot.Key, out var current) || !ReferenceEquals(current, slot))
        {
            return false;
        }

        _slots.Remove(slot.Key);
        _bytes -= slot.Bytes;
        return true;
    }

    /// <summary>One remembered conversation: its entry, when it expires, and the callers waiting for it to settle.</summary>
    private sealed class Slot(string key, DuplicateGuardEntry entry, long since, TimeSpan lifetime)
    {
        private TaskCompletionSource<DuplicateGuardEntry?>? _waiters;
        private long _since = since;
        private TimeSpan _lifetime = lifetime;

        public string Key { get; } = key;

        public DuplicateGuardEntry Entry { get; private set; } = entry;

        public long Bytes { get; private set; } = entry.EstimateSize() + (2L * key.Length);

        public bool HasExpired(TimeProvider time, long now) => time.GetElapsedTime(_since, now) >= _lifetime;

        /// <summary>Turns this claim into its settled entry; returns the callers to wake. Called under the store's lock.</summary>
        public TaskCompletionSource<DuplicateGuardEntry?>? Settle(DuplicateGuardEntry outcome, long since, TimeSpan lifetime)
        {
            Entry = outcome;
            Bytes = outcome.EstimateSize() + (2L * Key.Length);
            _since = since;
            _lifetime = lifetime;
            return TakeWaiters();
        }

        /// <summary>The callers waiting for this claim to settle, handed over once. Called under the store's lock.</summary>
        public TaskCompletionSource<DuplicateGuardEntry?>? TakeWaiters()
        {
            var waiters = _waiters;
            _waiters = null;
            return waiters;
        }

        /// <summary>A task that completes when this claim is settled. Called under the store's lock.</summary>
        public Task<DuplicateGuardEntry?> WhenSettled() =>
            (_waiters ??= new TaskCompletionSource<DuplicateGuardEntry?>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
    }
}
