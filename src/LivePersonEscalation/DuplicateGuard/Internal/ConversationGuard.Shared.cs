using LivePersonEscalation.DuplicateGuard;

namespace LivePersonEscalation.Internal;

/// <summary>
/// The shared tier: a claim the instance owns goes on to the shared store, which decides; while it cannot answer,
/// the instance's own settled entries answer, or the call is sent guarded by the instance alone (or refused).
/// </summary>
internal sealed partial class ConversationGuard
{
    private async ValueTask<GuardClaim> EnterSharedAsync(string conversationId, DuplicateGuardEntry claim, SettledEntry? localEarlier, CancellationToken cancellationToken)
    {
        var key = SharedKey(conversationId);
        for (var round = 1; round <= MaxRounds; round++)
        {
            var step = await _gate!.AskAsync(() => _shared!.TryClaimAsync(key, claim, _settings.ClaimExpiry, CancellationToken.None)).ConfigureAwait(false);
            if (!step.Answered)
            {
                return localEarlier is { } known
                    ? AnswerLocally(conversationId, claim, known, step.Pending, storeFailure: step.Failure)
                    : Unavailable(step.Failure!, conversationId, claim, step.Pending);
            }

            var existing = step.Value;
            if (existing is null && localEarlier is { } settled)
            {
                // Claimed where nothing was: an entry this instance settled and the shared store no longer has
                // (expired a moment earlier there, or lost with Redis's data) still answers. Only a failed transfer
                // (the store hands back the claim itself) lets the conversation be sent again.
                return AnswerLocally(conversationId, claim, settled, lateSharedClaim: null, storeFailure: null);
            }

            if (existing is null || (existing.State == DuplicateGuardState.InFlight && existing.Owner == claim.Owner))
            {
                // Claimed, over a failed transfer, or found its own claim from an earlier try of this same step.
                return GuardClaim.Owned(this, conversationId, claim, lateSharedClaim: null);
            }

            if (existing.State == DuplicateGuardState.InFlight)
            {
                try
                {
                    existing = await _shared!.WaitWhileInFlightAsync(key, existing, _settings.ClaimExpiry, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    return Unavailable(ex, conversationId, claim);
                }
            }

            if (IsAnswer(existing, claim.AgentSkillId))
            {
                // The shared store's answer; this instance's waiters share it. The instance keeps its own settled
                // entry when the shared store agrees with it, so it still answers while that store is down.
                RestoreLocally(conversationId, claim.Owner, localEarlier, existing);
                return GuardClaim.FromEarlier(existing!);
            }
        }

        RestoreLocally(conversationId, claim.Owner, localEarlier, answer: null);
        return GuardClaim.Refused(EscalationFailures.Contended(MaxRounds));
    }

    /// <summary>
    /// Ends this instance's claim without a send: puts back the settled entry it replaced when
    /// <paramref name="answer"/> is that same escalation (or there is no answer), else hands <paramref name="answer"/> to the waiters.
    /// </summary>
    private void RestoreLocally(string conversationId, string owner, SettledEntry? replaced, DuplicateGuardEntry? answer)
    {
        if (replaced is { } known && known.Left > TimeSpan.Zero && (answer is null || answer.Owner == known.Entry.Owner))
        {
            _local.Settle(conversationId, owner, known.Entry, known.Left);
        }
        else
        {
            _local.Release(conversationId, owner, answer);
        }
    }

    /// <summary>
    /// Answers from this instance's own settled entry: puts it back in place of the claim, in both tiers (in the
    /// shared one added if absent, and only where the claim landed), and reports a store that could not answer.
    /// </summary>
    private GuardClaim AnswerLocally(string conversationId, DuplicateGuardEntry claim, SettledEntry known, Task? lateSharedClaim, Exception? storeFailure)
    {
        if (storeFailure is not null)
        {
            _telemetry.GuardStoreFailed(storeFailure);
        }

        var left = known.Left > TimeSpan.Zero ? known.Left : TimeSpan.FromMilliseconds(1);
        _local.Settle(conversationId, claim.Owner, known.Entry, left);
        _pendingSettles!.Start(SharedKey(conversationId), claim.Owner, known.Entry, left, _settings.ClaimExpiry, lateSharedClaim);
        return GuardClaim.FromEarlier(known.Entry);
    }

    /// <summary>
    /// A tier could not take the claim. The instance's own (<paramref name="conversationId"/> null, its byte budget
    /// full): send unguarded or refuse. The shared one: send guarded by the instance's tier alone (the claim stays
    /// this call's in both, and is written to the shared store when it answers again), or refuse and forget it.
    /// </summary>
    private GuardClaim Unavailable(Exception failure, string? conversationId, DuplicateGuardEntry claim, Task? lateSharedClaim = null)
    {
        _telemetry.GuardStoreFailed(failure);
        if (_settings.WhenStoreUnavailable == StoreUnavailableHandling.Refuse)
        {
            if (conversationId is not null)
            {
                Settle(conversationId, claim, outcome: null, lateSharedClaim);
            }

            return GuardClaim.Refused(EscalationFailures.GuardUnavailable(failure));
        }

        return conversationId is null
            ? GuardClaim.Unguarded
            : GuardClaim.Owned(this, conversationId, claim, lateSharedClaim);
    }
}
