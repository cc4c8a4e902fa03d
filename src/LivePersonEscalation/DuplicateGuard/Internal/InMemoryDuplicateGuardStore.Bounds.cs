using LivePersonEscalation.DuplicateGuard;

namespace LivePersonEscalation.Internal;

/// <summary>The in-process tier's bounds: its slots, what they are estimated to cost, expiry and eviction.</summary>
internal sealed partial class InMemoryDuplicateGuardStore
{
    // One dictionary slot (hash code, next, key, the Slot struct) plus its bucket; one queue item (key, version).
    private const int DictionarySlotBytes = 4 + 4 + 8 + 48 + 4;
    private const int QueueItemBytes = 16;

    // The entry's object header and method table, five references, three ints, a bool and a TimeSpan, padded.
    private const int EntryObjectBytes = 16 + (5 * 8) + (3 * 4) + 8 + 8;

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
