using LivePersonEscalation.DuplicateGuard;

namespace LivePersonEscalation.Internal;

/// <summary>
/// The tier as an <see cref="IDuplicateGuardStore"/>: each step over its synchronous form (every one completes at
/// once), and the wait for a claim in flight (one completion per conversation, shared by its callers).
/// </summary>
internal sealed partial class InMemoryDuplicateGuardStore
{
    /// <exception cref="GuardCapacityException">Claims in flight alone already hold the byte budget.</exception>
    public ValueTask<DuplicateGuardEntry?> TryClaimAsync(string key, DuplicateGuardEntry claim, TimeSpan expiry, CancellationToken cancellationToken)
    {
        var existing = TryClaim(key, claim, expiry, replaceSettled: false, out var replaced);
        return new(existing is null && replaced is { Entry.State: DuplicateGuardState.TransferFailed } ? claim : existing);
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

    public ValueTask<TransferFailureRecord?> RecordTransferFailureAsync(string key, string? escalationId, string? agentSkillId, TransferFailureRules rules, CancellationToken cancellationToken) =>
        new(RecordTransferFailure(key, escalationId, agentSkillId, rules));

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
            return await settled.WaitAsync(maxWait, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return inFlight;
        }
    }
}
