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
internal sealed partial class InMemoryDuplicateGuardStore(int maxConversations, long maxBytes, TimeProvider timeProvider) : IDuplicateGuardStore
{
    private readonly int _maxConversations = maxConversations;
    private readonly long _maxBytes = maxBytes;
    private readonly TimeProvider _time = timeProvider;
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

    /// <summary>
    /// The synchronous <see cref="TryClaimAsync"/>: null when claimed, else the entry already there. What the claim
    /// replaced is handed back in <paramref name="replaced"/> with its time left: a failed transfer, or, with
    /// <paramref name="replaceSettled"/>, any settled entry (a shared store decides, and the guard puts it back when
    /// that store cannot answer).
    /// </summary>
    /// <exception cref="GuardCapacityException">Claims in flight alone already hold the byte budget.</exception>
    public DuplicateGuardEntry? TryClaim(string key, DuplicateGuardEntry claim, TimeSpan expiry, bool replaceSettled, out SettledEntry? replaced)
    {
        var now = _time.GetTimestamp();
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
                if (!existing.HasExpired(_time, now))
                {
                    if (existing.Entry.State == DuplicateGuardState.InFlight)
                    {
                        return existing.Entry;
                    }

                    if (existing.Entry.State != DuplicateGuardState.TransferFailed && !replaceSettled)
                    {
                        return existing.Entry;
                    }

                    replaced = new SettledEntry(existing.Entry, existing.Lifetime - _time.GetElapsedTime(existing.Since, now));
                }

                // Expired (a claim whose owner never settled it: its waiters look again), a failed transfer, or
                // replaced: the claim takes its place.
                Remove(key, existing);
                orphanedWaiters = existing.Waiters;
            }

            var bytes = SizeOf(key, claim);
            if (_inFlightBytes + bytes > _maxBytes)
            {
                throw new GuardCapacityException(_slots.Count - _settledCount, _maxBytes);
            }

            Add(key, new Slot(claim, now, expiry, ++_versions, bytes));
        }

        orphanedWaiters?.TrySetResult(null);
        return null;
    }

    /// <summary>The synchronous <see cref="SettleAsync"/>.</summary>
    public void Settle(string key, string owner, DuplicateGuardEntry? outcome, TimeSpan expiry) => SettleCore(key, owner, outcome, expiry, keep: true);

    /// <summary>
    /// Ends <paramref name="owner"/>'s claim without keeping anything, handing <paramref name="answer"/> to the callers
    /// waiting on it: an answer that came from elsewhere (another instance, through the shared store), which the
    /// shared store remembers.
    /// </summary>
    public void Release(string key, string owner, DuplicateGuardEntry? answer) => SettleCore(key, owner, answer, TimeSpan.Zero, keep: false);

    private void SettleCore(string key, string owner, DuplicateGuardEntry? outcome, TimeSpan expiry, bool keep)
    {
        TaskCompletionSource<DuplicateGuardEntry?>? waiters = null;
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            if (_slots.TryGetValue(key, out var claim))
            {
                if (claim.Entry.Owner != owner || claim.Entry.State != DuplicateGuardState.InFlight)
                {
                    return;
                }

                Remove(key, claim);
                waiters = claim.Waiters;
            }

            if (keep && outcome is { State: DuplicateGuardState.Accepted } accepted)
            {
                outcome = AfterReportedFailures(key, accepted);
            }

            if (keep && outcome is { State: DuplicateGuardState.Accepted or DuplicateGuardState.Unknown or DuplicateGuardState.TransferFailed } && expiry > TimeSpan.Zero)
            {
                var settled = new Slot(outcome, now, expiry, ++_versions, SizeOf(key, outcome));
                Add(key, settled);
                _settled.Enqueue((key, settled.Version));
                while ((_settledCount > _maxConversations || _settledBytes > _maxBytes) && EvictOldestSettled())
                {
                }
            }
        }

        // Outside the lock: waiters continue asynchronously, but nothing of theirs should run under it.
        waiters?.TrySetResult(outcome);
    }

}
