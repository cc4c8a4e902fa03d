using LivePersonEscalation.DuplicateGuard;

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

    // Conversations with failed transfers, kept for the fallback window; bounded in count like the settled entries.
    private readonly Dictionary<string, TransferSlot> _transfers = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, long Version)> _transferOrder = new();

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
    public ValueTask<DuplicateGuardEntry?> TryClaimAsync(string key, DuplicateGuardEntry claim, TimeSpan expiry, CancellationToken cancellationToken)
    {
        var existing = TryClaim(key, claim, expiry, replaceSettled: false, out var replaced);
        return new(existing is null && replaced is { Entry.State: DuplicateGuardState.TransferFailed } ? claim : existing);
    }

    /// <summary>
    /// The synchronous <see cref="TryClaimAsync"/>: null when claimed, else the entry already there. What the claim
    /// replaced is handed back in <paramref name="replaced"/> with its time left: a failed transfer, or, with
    /// <paramref name="replaceSettled"/>, any settled entry (a shared store decides, and the guard puts it back when
    /// that store cannot answer).
    /// </summary>
    /// <exception cref="GuardCapacityException">Claims in flight alone already hold the byte budget.</exception>
    public DuplicateGuardEntry? TryClaim(string key, DuplicateGuardEntry claim, TimeSpan expiry, bool replaceSettled, out SettledEntry? replaced)
    {
        var now = timeProvider.GetTimestamp();
        replaced = null;
        TaskCompletionSource<DuplicateGuardEntry?>? orphanedWaiters = null;
        lock (_gate)
        {
            ForgetExpired(now);
            if (_transfers.Count > 0 && GivenUp(key, now) is { } givenUp)
            {
                return givenUp;
            }

            if (_slots.TryGetValue(key, out var existing))
            {
                if (!existing.HasExpired(timeProvider, now))
                {
                    if (existing.Entry.State == DuplicateGuardState.InFlight)
                    {
                        return existing.Entry;
                    }

                    if (existing.Entry.State != DuplicateGuardState.TransferFailed && !replaceSettled)
                    {
                        return existing.Entry;
                    }

                    replaced = new SettledEntry(existing.Entry, existing.Lifetime - timeProvider.GetElapsedTime(existing.Since, now));
                }

                // Expired (a claim whose owner never settled it: its waiters look again), a failed transfer, or
                // replaced: the claim takes its place.
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

    public ValueTask<TransferFailureRecord?> RecordTransferFailureAsync(string key, string? escalationId, string? agentSkillId, TransferFailureRules rules, CancellationToken cancellationToken) =>
        new(RecordTransferFailure(key, escalationId, agentSkillId, rules));

    /// <summary>The synchronous <see cref="RecordTransferFailureAsync"/>; see <see cref="TransferFailureStep"/>.</summary>
    public TransferFailureRecord? RecordTransferFailure(string key, string? escalationId, string? agentSkillId, TransferFailureRules rules)
    {
        lock (_gate)
        {
            var now = timeProvider.GetTimestamp();
            ForgetExpired(now);
            var current = _transfers.TryGetValue(key, out var slot) && !slot.HasExpired(timeProvider, now) ? slot.Record : null;
            var entry = _slots.TryGetValue(key, out var existing) && !existing.HasExpired(timeProvider, now) ? existing.Entry : null;
            var (record, transferFailed) = TransferFailureStep.Apply(current, entry, escalationId, agentSkillId, rules);
            if (record is { Counted: true })
            {
                Keep(key, record, transferFailed ? entry!.Owner : null, rules.Window, now);
            }

            return record;
        }
    }

    /// <summary>The escalation this tier's settled entry of <paramref name="key"/> names (accepted, unknown or failed), if any.</summary>
    public string? SettledEscalationOf(string key)
    {
        lock (_gate)
        {
            return _slots.TryGetValue(key, out var slot) && !slot.HasExpired(timeProvider, timeProvider.GetTimestamp())
                && slot.Entry.State is DuplicateGuardState.Accepted or DuplicateGuardState.Unknown or DuplicateGuardState.TransferFailed
                ? slot.Entry.Owner
                : null;
        }
    }

    /// <summary>
    /// Keeps what the shared store recorded (<paramref name="record"/>), so this instance knows it too: the record, and
    /// the failed transfer of <paramref name="failedEscalationId"/> when it is this instance's accepted entry.
    /// </summary>
    public void Mirror(string key, TransferFailureRecord record, string? failedEscalationId, TimeSpan window)
    {
        lock (_gate)
        {
            Keep(key, record, failedEscalationId, window, timeProvider.GetTimestamp());
        }
    }

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

            if (keep && outcome is { State: DuplicateGuardState.Accepted } && _transfers.TryGetValue(key, out var transfers))
            {
                // Reported failed before it settled (a settle that came late): kept as a failed transfer; else the latest.
                if (transfers.Record.ReportedEscalationIds.Contains(outcome.Owner))
                {
                    outcome = outcome with { State = DuplicateGuardState.TransferFailed };
                }
                else
                {
                    _transfers[key] = transfers with { Record = transfers.Record with { LatestEscalationId = outcome.Owner } };
                }
            }

            if (keep && outcome is { State: DuplicateGuardState.Accepted or DuplicateGuardState.Unknown or DuplicateGuardState.TransferFailed } && expiry > TimeSpan.Zero)
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

    /// <summary>Under the lock: the given-up entry of <paramref name="key"/>, if its record gave up.</summary>
    private DuplicateGuardEntry? GivenUp(string key, long now) =>
        _transfers.TryGetValue(key, out var slot) && slot.Record.GiveUpReason is not null && !slot.HasExpired(timeProvider, now)
            ? DuplicateGuardEntry.GivenUp(slot.Record)
            : null;

    /// <summary>Under the lock: keeps <paramref name="record"/> for <paramref name="window"/>, and marks the failed transfer.</summary>
    private void Keep(string key, TransferFailureRecord record, string? failedEscalationId, TimeSpan window, long now)
    {
        var version = ++_versions;
        _transfers[key] = new TransferSlot(record with { Counted = false }, now, window, version);
        _transferOrder.Enqueue((key, version));
        while (_transfers.Count > maxConversations && _transferOrder.Count > 0)
        {
            var (oldest, oldestVersion) = _transferOrder.Dequeue();
            if (_transfers.TryGetValue(oldest, out var slot) && slot.Version == oldestVersion)
            {
                _transfers.Remove(oldest);
            }
        }

        if (failedEscalationId is not null && _slots.TryGetValue(key, out var existing)
            && existing.Entry is { State: DuplicateGuardState.Accepted or DuplicateGuardState.Unknown } accepted && accepted.Owner == failedEscalationId)
        {
            // Same slot, same lifetime and size: only the state changes.
            _slots[key] = existing with { Entry = accepted with { State = DuplicateGuardState.TransferFailed } };
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

    private void ForgetExpired(long now)
    {
        while (_transferOrder.Count > 0)
        {
            var (key, version) = _transferOrder.Peek();
            if (_transfers.TryGetValue(key, out var record) && record.Version == version && !record.HasExpired(timeProvider, now))
            {
                break;
            }

            _transferOrder.Dequeue();
            if (record.Version == version)
            {
                _transfers.Remove(key);
            }
        }

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

    /// <summary>A conversation's failed transfers, and when they are forgotten.</summary>
    private readonly record struct TransferSlot(TransferFailureRecord Record, long Since, TimeSpan Lifetime, long Version)
    {
        public bool HasExpired(TimeProvider time, long now) => time.GetElapsedTime(Since, now) >= Lifetime;
    }

    /// <summary>One remembered conversation: its entry, when it expires, and the callers waiting for a claim to settle.</summary>
    private readonly record struct Slot(DuplicateGuardEntry Entry, long Since, TimeSpan Lifetime, long Version, long Bytes)
    {
        public TaskCompletionSource<DuplicateGuardEntry?>? Waiters { get; init; }

        public bool HasExpired(TimeProvider time, long now) => time.GetElapsedTime(Since, now) >= Lifetime;
    }
}

/// <summary>A settled entry a claim replaced, and how long it had left to live.</summary>
internal readonly record struct SettledEntry(DuplicateGuardEntry Entry, TimeSpan Left);
