using LivePersonEscalation.DuplicateGuard;

namespace LivePersonEscalation.Internal;

/// <summary>
/// The instance's own tier: one registration's records in a dictionary under a lock, always in front of a shared
/// store when there is one. It keeps records and nothing else (the guard's rules decide), within bounds: settled
/// records (no escalation in flight) in count (<c>MaxConversations</c>) and bytes (<c>MaxMemoryBytes</c>), the oldest
/// written forgotten first; records with a claim in flight are never forgotten, and have a byte budget of their own
/// (<c>MaxMemoryBytes</c> again), past which a new claim fails with <see cref="GuardCapacityException"/>. Every step
/// completes at once; thread-safe.
/// </summary>
internal sealed partial class InProcessGuardStore(int maxConversations, long maxBytes, TimeProvider timeProvider) : IDuplicateGuardStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    // Settled records in the order they were written: the order they are forgotten in. The version tells whether the
    // key's record is still that one.
    private readonly Queue<(string Key, string Version)> _settledOrder = new();
    private long _settledBytes;
    private int _settledCount;
    private long _inFlightBytes;

    /// <summary>The record of <paramref name="key"/>, or null.</summary>
    public DuplicateGuardRecord? Read(string key)
    {
        lock (_gate)
        {
            return Current(key, timeProvider.GetUtcNow())?.Record;
        }
    }

    /// <summary>The synchronous <see cref="WriteAsync"/>.</summary>
    /// <exception cref="GuardCapacityException"><paramref name="record"/> claims the conversation, and claims in flight already hold the byte budget.</exception>
    public DuplicateGuardRecord? Write(string key, string? expectedVersion, DuplicateGuardRecord record)
    {
        TaskCompletionSource<DuplicateGuardRecord?>? waiters;
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            var current = Current(key, now);
            if (current?.Record.Version != expectedVersion)
            {
                return current?.Record;
            }

            var slot = new Slot(record, SizeOf(key, record));
            if (slot.InFlight && current is not { InFlight: true } && _inFlightBytes + slot.Bytes > maxBytes)
            {
                throw new GuardCapacityException(_slots.Count - _settledCount, maxBytes);
            }

            waiters = current?.Waiters;
            if (current is { } old)
            {
                Remove(key, old);
            }

            if (record.ExpiresAt > now)
            {
                Add(key, slot);
            }

            while ((_settledCount > maxConversations || _settledBytes > maxBytes) && ForgetOldestSettled())
            {
            }
        }

        // Outside the lock: nothing of the waiters' runs under it.
        waiters?.TrySetResult(record);
        return record;
    }

    public ValueTask<DuplicateGuardRecord?> ReadAsync(string key, CancellationToken cancellationToken) => new(Read(key));

    public ValueTask<DuplicateGuardRecord?> WriteAsync(string key, string? expectedVersion, DuplicateGuardRecord record, CancellationToken cancellationToken) =>
        new(Write(key, expectedVersion, record));

    public async ValueTask<DuplicateGuardRecord?> WaitForChangeAsync(string key, string? version, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        Task<DuplicateGuardRecord?> changed;
        lock (_gate)
        {
            var current = Current(key, timeProvider.GetUtcNow());
            if (current?.Record.Version != version || current is null)
            {
                return current?.Record;
            }

            var slot = current.Value;
            if (slot.Waiters is null)
            {
                slot = slot with { Waiters = new TaskCompletionSource<DuplicateGuardRecord?>(TaskCreationOptions.RunContinuationsAsynchronously) };
                _slots[key] = slot;
            }

            changed = slot.Waiters!.Task;
        }

        try
        {
            return await changed.WaitAsync(maxWait, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return Read(key);
        }
    }

    /// <summary>Under the lock: the live slot of <paramref name="key"/>; an expired one is forgotten (its waiters told).</summary>
    private Slot? Current(string key, DateTimeOffset now)
    {
        if (!_slots.TryGetValue(key, out var slot))
        {
            return null;
        }

        if (slot.Record.ExpiresAt > now)
        {
            return slot;
        }

        Remove(key, slot);
        slot.Waiters?.TrySetResult(null);
        return null;
    }

    private bool ForgetOldestSettled()
    {
        while (_settledOrder.Count > 0)
        {
            var (key, version) = _settledOrder.Dequeue();
            if (_slots.TryGetValue(key, out var slot) && slot.Record.Version == version && !slot.InFlight)
            {
                Remove(key, slot);
                slot.Waiters?.TrySetResult(null);
                return true;
            }
        }

        return false;
    }
}
