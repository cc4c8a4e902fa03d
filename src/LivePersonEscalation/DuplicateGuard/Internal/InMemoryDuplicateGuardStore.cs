namespace LivePersonEscalation.Internal;

/// <summary>
/// The in-process tier of the duplicate guard: one registration's conversations in a dictionary under a lock, always
/// in front of a shared store when there is one. Claims in flight are never evicted and never push out what was
/// settled: settled entries alone are bounded, in count (<c>MaxConversations</c>) and in bytes (<c>MaxMemoryBytes</c>),
/// oldest first, and expire after their window. Claims in flight are bounded by the calls in progress, and in bytes by
/// a budget of their own (<c>MaxMemoryBytes</c> again): past it a claim fails with <see cref="GuardCapacityException"/>,
/// which the guard handles as <see cref="DuplicateGuardOptions.WhenStoreUnavailable"/> says, logged and counted.
/// Thread-safe; every step completes synchronously.
/// </summary>
/// <remarks>
/// A slot is a struct inside the dictionary, so a remembered conversation costs its entry and no object of its own.
/// <see cref="Bytes"/> estimates what the store keeps alive (entries, their strings, the dictionary's and the queue's
/// arrays at their current capacity); a test measures it against the managed heap.
/// </remarks>
internal sealed class InMemoryDuplicateGuardStore(int maxConversations, long maxBytes, TimeProvider timeProvider) : IDuplicateGuardStore
{
    // One dictionary slot (hash code, next, key, the Slot struct) plus its bucket; one queue item (key, version).
    private const int DictionarySlotBytes = 4 + 4 + 8 + 48 + 4;
    private const int QueueItemBytes = 16;

    // The entry's object header and method table, five references, three ints, a bool and a TimeSpan, padded.
    private const int EntryObjectBytes = 16 + (5 * 8) + (3 * 4) + 8 + 8;

    private readonly object _gate = new();
    private readonly Dictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    // Settled slots in the order they were settled: the order they expire in, and the order they are evicted in.
    // The version tells whether the conversation's slot is still that one.
    private readonly Queue<(string Key, long Version)> _settled = new();
    private long _settledBytes;
    private int _settledCount;
    private long _inFlightBytes;
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

    /// <summary>The estimated bytes the store keeps alive: entries in flight and settled, and its own arrays.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _settledBytes + _inFlightBytes + ArrayBytes();
            }
        }
    }

    /// <summary>The estimated bytes of the settled entries alone, the part <c>MaxMemoryBytes</c> bounds.</summary>
    public long SettledBytes
    {
        get
        {
            lock (_gate)
            {
                return _settledBytes;
            }
        }
    }

    /// <exception cref="GuardCapacityException">Claims in flight alone already hold the byte budget.</exception>
    public ValueTask<DuplicateGuardEntry?> TryClaimAsync(string key, DuplicateGuardEntry claim, TimeSpan expiry, CancellationToken cancellationToken) =>
        new(TryClaim(key, claim, expiry));

    /// <summary>The synchronous <see cref="TryClaimAsync"/>: null when claimed, else the entry already there.</summary>
    /// <exception cref="GuardCapacityException">Claims in flight alone already hold the byte budget.</exception>
    public DuplicateGuardEntry? TryClaim(string key, DuplicateGuardEntry claim, TimeSpan expiry)
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
                    return existing.Entry;
                }

                // A claim whose owner never settled it within its expiry: take it over, and let its waiters look again.
                Remove(key, existing);
                orphanedWaiters = existing.Waiters;
            }

            var bytes = SizeOf(key, claim);
            if (_inFlightBytes + bytes > maxBytes)
            {
                throw new GuardCapacityException(_slots.Count - _settledCount, maxBytes);
            }

            Add(key, new Slot(claim, now, expiry, ++_versions, bytes));
        }

        orphanedWaiters?.TrySetResult(null);
        return null;
    }

    /// <summary>
    /// Settles <paramref name="owner"/>'s claim; a kept outcome for a conversation with no entry at all is added (the
    /// owner's claim expired, or it sent while the store could not be reached). Another caller's entry is left alone.
    /// </summary>
    public ValueTask SettleAsync(string key, string owner, DuplicateGuardEntry? outcome, TimeSpan expiry, CancellationToken cancellationToken)
    {
        Settle(key, owner, outcome, expiry);
        return default;
    }

    /// <summary>The synchronous <see cref="SettleAsync"/>.</summary>
    public void Settle(string key, string owner, DuplicateGuardEntry? outcome, TimeSpan expiry) => SettleCore(key, owner, outcome, expiry, keep: true);

    /// <summary>
    /// Ends <paramref name="owner"/>'s claim without keeping anything, handing <paramref name="answer"/> to the callers
    /// waiting on it: an answer that came from elsewhere (another instance, through the shared store), which the
    /// shared store remembers.
    /// </summary>
    public void Release(string key, string owner, DuplicateGuardEntry? answer) => SettleCore(key, owner, answer, TimeSpan.Zero, keep: false);

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

    private void SettleCore(string key, string owner, DuplicateGuardEntry? outcome, TimeSpan expiry, bool keep)
    {
        TaskCompletionSource<DuplicateGuardEntry?>? waiters = null;
        lock (_gate)
        {
            var now = timeProvider.GetTimestamp();
            if (_slots.TryGetValue(key, out var claim))
            {
                if (claim.Entry.Owner != owner || claim.Entry.State != DuplicateGuardState.InFlight)
                {
                    return;
                }

                Remove(key, claim);
                waiters = claim.Waiters;
            }

            if (keep && outcome is { State: not DuplicateGuardState.NotAccepted and not DuplicateGuardState.InFlight } && expiry > TimeSpan.Zero)
            {
                var settled = new Slot(outcome, now, expiry, ++_versions, SizeOf(key, outcome));
                Add(key, settled);
                _settled.Enqueue((key, settled.Version));
                while ((_settledCount > maxConversations || _settledBytes > maxBytes) && EvictOldestSettled())
                {
                }
            }
        }

        // Outside the lock: waiters continue asynchronously, but nothing of theirs should run under it.
        waiters?.TrySetResult(outcome);
    }

    /// <summary>
    /// What one entry keeps alive: its dictionary slot and queue item, the entry object and its own strings. The
    /// skill id is not counted: it is the request's (or the configured skill's), one string for every escalation to it.
    /// </summary>
    private static long SizeOf(string key, DuplicateGuardEntry entry) =>
        DictionarySlotBytes + QueueItemBytes + EntryObjectBytes
        + StringBytes(key) + StringBytes(entry.Owner) + StringBytes(entry.RequestId) + StringBytes(entry.Body) + StringBytes(entry.Reason);

    /// <summary>A string's header, length, characters and terminator, padded to 8 bytes; the empty string is shared.</summary>
    private static long StringBytes(string? text) => string.IsNullOrEmpty(text) ? 0 : ((22L + (2L * text!.Length)) + 7) & ~7L;

    /// <summary>The unused part of the dictionary's and the queue's arrays, which they keep at their capacity.</summary>
    private long ArrayBytes()
    {
#if NET
        var spareSlots = _slots.EnsureCapacity(0) - _slots.Count;
        var spareItems = _settled.EnsureCapacity(0) - _settledCount;
        return (spareSlots * (long)DictionarySlotBytes) + (spareItems * (long)QueueItemBytes);
#else
        // Capacities cannot be read here: the estimate counts the entries alone.
        return _slots.Count * 0L;
#endif
    }

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
        if (slot.Entry.State == DuplicateGuardState.InFlight)
        {
            _inFlightBytes += slot.Bytes;
        }
        else
        {
            _settledBytes += slot.Bytes;
            _settledCount++;
        }
    }

    private void Remove(string key, Slot slot)
    {
        _slots.Remove(key);
        if (slot.Entry.State == DuplicateGuardState.InFlight)
        {
            _inFlightBytes -= slot.Bytes;
        }
        else
        {
            _settledBytes -= slot.Bytes;
            _settledCount--;
        }
    }

    /// <summary>One remembered conversation: its entry, when it expires, and the callers waiting for a claim to settle.</summary>
    private readonly record struct Slot(DuplicateGuardEntry Entry, long Since, TimeSpan Lifetime, long Version, long Bytes)
    {
        public TaskCompletionSource<DuplicateGuardEntry?>? Waiters { get; init; }

        public bool HasExpired(TimeProvider time, long now) => time.GetElapsedTime(Since, now) >= Lifetime;
    }
}
