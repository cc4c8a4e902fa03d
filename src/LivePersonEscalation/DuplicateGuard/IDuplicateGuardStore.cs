namespace LivePersonEscalation.DuplicateGuard;

/// <summary>
/// Where the duplicate guard keeps its <see cref="DuplicateGuardEntry"/> per conversation key. Each method is one
/// atomic step, so that instances sharing a store (a fleet on Redis) escalate a conversation once: claim if
/// absent with expiry, settle only if still the owner (or add if absent), and wait while another call owns it. The
/// guard keeps an in-process tier in front of it, always, and bounds each step by the operation timeout; a store must
/// never throw for a missing key, and should fail fast (throw at once) when it knows it is unreachable.
/// </summary>
public interface IDuplicateGuardStore
{
    /// <summary>
    /// Claims <paramref name="key"/> with <paramref name="claim"/> (an <see cref="DuplicateGuardState.InFlight"/>
    /// entry) for <paramref name="expiry"/> if no entry exists, atomically.
    /// </summary>
    /// <param name="key">The conversation key.</param>
    /// <param name="claim">The in-flight entry of the calling owner.</param>
    /// <param name="expiry">How long the claim lives if its owner never settles it (a crashed instance).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <remarks>
    /// An entry in <see cref="DuplicateGuardState.TransferFailed"/> is replaced by the claim, which is then returned
    /// (so the guard tells a failed transfer from an entry the store lost); a conversation whose
    /// <see cref="TransferFailureRecord"/> gave up answers a <see cref="DuplicateGuardState.GivenUp"/> entry, whatever its entry.
    /// </remarks>
    /// <returns>Null when the claim was taken where nothing was; <paramref name="claim"/> when it replaced a failed transfer; otherwise the entry that already exists.</returns>
    ValueTask<DuplicateGuardEntry?> TryClaimAsync(string key, DuplicateGuardEntry claim, TimeSpan expiry, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the claim of <paramref name="owner"/> on <paramref name="key"/> with <paramref name="outcome"/> for
    /// <paramref name="expiry"/>, or removes it when <paramref name="outcome"/> is null, only if <paramref name="owner"/>
    /// still holds it; then wakes the callers waiting on it. When <paramref name="key"/> has no entry at all (the
    /// claim expired, or never landed because the store could not be reached), an accepted or unknown
    /// <paramref name="outcome"/> is added; another caller's entry is always left alone. Atomic; the guard may call it
    /// again for the same owner (after a lost answer), so it must be idempotent.
    /// </summary>
    /// <param name="key">The conversation key.</param>
    /// <param name="owner">The <see cref="DuplicateGuardEntry.Owner"/> of the claim.</param>
    /// <param name="outcome">
    /// The settled entry (accepted or outcome unknown), kept; a <see cref="DuplicateGuardState.NotAccepted"/> entry,
    /// handed to the current waiters and not kept; or null to forget the conversation.
    /// </param>
    /// <param name="expiry">How long the settled entry is remembered (the window).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <remarks>An accepted <paramref name="outcome"/> of a conversation with a <see cref="TransferFailureRecord"/> becomes its <see cref="TransferFailureRecord.LatestEscalationId"/>.</remarks>
    /// <returns>A task that completes when the entry is settled.</returns>
    ValueTask SettleAsync(string key, string owner, DuplicateGuardEntry? outcome, TimeSpan expiry, CancellationToken cancellationToken);

    /// <summary>
    /// Waits, for at most <paramref name="maxWait"/>, while <paramref name="key"/> holds the claim
    /// <paramref name="inFlight"/>, and returns what replaced it. Only this caller's wait ends with <paramref name="cancellationToken"/>.
    /// </summary>
    /// <param name="key">The conversation key.</param>
    /// <param name="inFlight">The claim being waited on.</param>
    /// <param name="maxWait">The longest wait: the claim's own expiry.</param>
    /// <param name="cancellationToken">Ends this caller's wait only.</param>
    /// <returns>The settled entry, the claim itself if it is still in flight after <paramref name="maxWait"/>, or null when the conversation was forgotten or the claim expired.</returns>
    ValueTask<DuplicateGuardEntry?> WaitWhileInFlightAsync(string key, DuplicateGuardEntry inFlight, TimeSpan maxWait, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the transfer of the conversation's escalation <paramref name="escalationId"/> failed, atomically:
    /// unless the record gave up already or counted that escalation before, one more failure of its skill; the record
    /// gives up at <see cref="TransferFailureRules.MaxTransferFailures"/> failures or when the skill has no fallback,
    /// and is kept for <see cref="TransferFailureRules.Window"/>; that escalation's accepted entry becomes
    /// <see cref="DuplicateGuardState.TransferFailed"/>. Idempotent for one escalation id.
    /// </summary>
    /// <param name="key">The conversation key.</param>
    /// <param name="escalationId">The escalation reported; null for the accepted entry's, else the record's latest.</param>
    /// <param name="agentSkillId">The skill that failed, when no escalation is known.</param>
    /// <param name="rules">When to give up, and how long to remember.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record after the report (<see cref="TransferFailureRecord.Counted"/> says whether it counted), or null when nothing names the skill that failed.</returns>
    ValueTask<TransferFailureRecord?> RecordTransferFailureAsync(string key, string? escalationId, string? agentSkillId, TransferFailureRules rules, CancellationToken cancellationToken);
}
