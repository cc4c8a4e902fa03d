using LivePersonEscalation.DuplicateGuard;

namespace LivePersonEscalation.Internal;

/// <summary>The in-process tier's bounds: its slots, and what they are estimated to keep alive.</summary>
internal sealed partial class InProcessGuardStore
{
    // One dictionary slot (hash code, next, key, the Slot struct) plus its bucket; one queue item (key, version).
    private const int DictionarySlotBytes = 4 + 4 + 8 + 32 + 4;
    private const int QueueItemBytes = 16;

    // The envelope (header, two references); the record (header, nine references, six ints or longs, three dates).
    private const int EnvelopeBytes = 16 + 16;
    private const int RecordBytes = 16 + (9 * 8) + (6 * 8) + (3 * 16);

    // An issued escalation: its object (header, two references) and its slot in the list's array.
    private const int IssuedBytes = 16 + 16 + 8;

    /// <summary>How many conversations are remembered now.</summary>
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

    /// <summary>The estimated bytes the store keeps alive: records in flight and settled, and its own arrays.</summary>
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

    /// <summary>The estimated bytes of the settled records alone, the part <c>MaxMemoryBytes</c> bounds.</summary>
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
    /// What one record keeps alive: its slot and queue item, the envelope, the record and its own strings and lists.
    /// Skill ids are not counted: each is the request's (or the configured skill's), one string for every escalation to it.
    /// </summary>
    private static long SizeOf(string key, DuplicateGuardRecord record)
    {
        var conversation = record.Conversation;
        var bytes = DictionarySlotBytes + QueueItemBytes + EnvelopeBytes + RecordBytes
            + StringBytes(key) + StringBytes(record.Version) + StringBytes(conversation.Owner) + StringBytes(conversation.RequestId) + StringBytes(conversation.Body);
        foreach (var issued in conversation.Issued)
        {
            bytes += IssuedBytes + (issued.Id == conversation.Owner ? 0 : StringBytes(issued.Id));
        }

        return bytes + (conversation.Counted.Count * 8L);
    }

    /// <summary>A string's header, length, characters and terminator, padded to 8 bytes; the empty string is shared.</summary>
    private static long StringBytes(string? text) => string.IsNullOrEmpty(text) ? 0 : ((22L + (2L * text!.Length)) + 7) & ~7L;

    /// <summary>The unused part of the dictionary's and the queue's arrays, which they keep at their capacity.</summary>
    private long ArrayBytes()
    {
#if NET
        var spareSlots = _slots.EnsureCapacity(0) - _slots.Count;
        var spareItems = _settledOrder.EnsureCapacity(0) - _settledOrder.Count;
        return (spareSlots * (long)DictionarySlotBytes) + (spareItems * (long)QueueItemBytes);
#else
        // Capacities cannot be read here: the estimate counts the records alone.
        return _slots.Count * 0L;
#endif
    }

    private void Add(string key, Slot slot)
    {
        _slots.Add(key, slot);
        if (slot.InFlight)
        {
            _inFlightBytes += slot.Bytes;
        }
        else
        {
            _settledBytes += slot.Bytes;
            _settledCount++;
            _settledOrder.Enqueue((key, slot.Record.Version));
            if (_settledOrder.Count > (2 * _settledCount) + 64)
            {
                // Mostly records written over since: keep the order of the ones still there.
                var current = _settledOrder.Where(item => _slots.TryGetValue(item.Key, out var kept) && kept.Record.Version == item.Version).ToArray();
                _settledOrder.Clear();
                foreach (var item in current)
                {
                    _settledOrder.Enqueue(item);
                }
            }
        }
    }

    private void Remove(string key, Slot slot)
    {
        _slots.Remove(key);
        if (slot.InFlight)
        {
            _inFlightBytes -= slot.Bytes;
        }
        else
        {
            _settledBytes -= slot.Bytes;
            _settledCount--;
        }
    }

    /// <summary>One remembered conversation: its record, its estimated size, and the callers waiting for it to change.</summary>
    private readonly record struct Slot(DuplicateGuardRecord Record, long Bytes)
    {
        public TaskCompletionSource<DuplicateGuardRecord?>? Waiters { get; init; }

        public bool InFlight => Record.Conversation.State == GuardState.InFlight;
    }
}
