using LivePersonEscalation.DuplicateGuard;

namespace LivePersonEscalation.Internal;

/// <summary>The in-process tier's record of failed transfers, kept for the fallback window.</summary>
internal sealed partial class InMemoryDuplicateGuardStore
{
    /// <summary>The synchronous <see cref="RecordTransferFailureAsync"/>; see <see cref="TransferFailureStep"/>.</summary>
    public TransferFailureRecord? RecordTransferFailure(string key, string? escalationId, string? agentSkillId, TransferFailureRules rules)
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            ForgetExpired(now);
            var current = _transfers.TryGetValue(key, out var slot) && !slot.HasExpired(_time, now) ? slot.Record : null;
            var entry = _slots.TryGetValue(key, out var existing) && !existing.HasExpired(_time, now) ? existing.Entry : null;
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
            return _slots.TryGetValue(key, out var slot) && !slot.HasExpired(_time, _time.GetTimestamp())
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
            Keep(key, record, failedEscalationId, window, _time.GetTimestamp());
        }
    }

    /// <summary>Under the lock: the given-up entry of <paramref name="key"/>, if its record gave up.</summary>
    private DuplicateGuardEntry? GivenUp(string key, long now) =>
        _transfers.TryGetValue(key, out var slot) && slot.Record.GiveUpReason is not null && !slot.HasExpired(_time, now)
            ? DuplicateGuardEntry.GivenUp(slot.Record)
            : null;

    /// <summary>Under the lock: keeps <paramref name="record"/> for <paramref name="window"/>, and marks the failed transfer.</summary>
    private void Keep(string key, TransferFailureRecord record, string? failedEscalationId, TimeSpan window, long now)
    {
        var version = ++_versions;
        _transfers[key] = new TransferSlot(record with { Counted = false }, now, window, version);
        _transferOrder.Enqueue((key, version));
        while (_transfers.Count > _maxConversations && _transferOrder.Count > 0)
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
    /// Under the lock: an acceptance settled after a report already named it (a settle that came late) is kept as a
    /// failed transfer; otherwise it becomes the conversation's latest escalation.
    /// </summary>
    private DuplicateGuardEntry AfterReportedFailures(string key, DuplicateGuardEntry accepted)
    {
        if (!_transfers.TryGetValue(key, out var transfers))
        {
            return accepted;
        }

        if (transfers.Record.ReportedEscalationIds.Contains(accepted.Owner))
        {
            return accepted with { State = DuplicateGuardState.TransferFailed };
        }

        _transfers[key] = transfers with { Record = transfers.Record with { LatestEscalationId = accepted.Owner } };
        return accepted;
    }

    /// <summary>A conversation's failed transfers, and when they are forgotten.</summary>
    private readonly record struct TransferSlot(TransferFailureRecord Record, long Since, TimeSpan Lifetime, long Version)
    {
        public bool HasExpired(TimeProvider time, long now) => time.GetElapsedTime(Since, now) >= Lifetime;
    }
}
