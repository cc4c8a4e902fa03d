using LivePersonEscalation.DuplicateGuard;

namespace LivePersonEscalation.Internal;

/// <summary>The instance's tier: every call claims here first, and callers of one instance share one claim.</summary>
internal sealed partial class ConversationGuard
{
    /// <summary>True when this call claimed <paramref name="key"/> in the instance's tier at its first try; false when anything else happened.</summary>
    private bool TryClaimAtOnce(string key, DuplicateGuardEntry claim)
    {
        try
        {
            return _local.TryClaim(key, claim, _settings.ClaimExpiry, replaceSettled: false, out _) is null;
        }
        catch (GuardCapacityException)
        {
            // Full: the full path below meets it again, and says so.
            return false;
        }
    }

    /// <summary>
    /// Null when this call claimed <paramref name="key"/> in the instance's tier (with the settled entry it replaced,
    /// when a shared store decides), else what it answers from.
    /// </summary>
    private async ValueTask<(GuardClaim? Answer, SettledEntry? Replaced)> ClaimLocallyAsync(string key, DuplicateGuardEntry claim, CancellationToken cancellationToken)
    {
        for (var round = 1; round <= MaxRounds; round++)
        {
            DuplicateGuardEntry? existing;
            SettledEntry? replaced;
            try
            {
                existing = _local.TryClaim(key, claim, _settings.ClaimExpiry, replaceSettled: _shared is not null, out replaced);
            }
            catch (GuardCapacityException full)
            {
                return (Unavailable(full, conversationId: null, claim), null);
            }

            if (existing is null)
            {
                return (null, replaced);
            }

            if (existing.State == DuplicateGuardState.InFlight)
            {
                existing = await _local.WaitWhileInFlightAsync(key, existing, _settings.ClaimExpiry, cancellationToken).ConfigureAwait(false);
            }

            if (IsAnswer(existing, claim.AgentSkillId))
            {
                return (GuardClaim.FromEarlier(existing!), null);
            }
        }

        return (GuardClaim.Refused(EscalationFailures.Contended(MaxRounds)), null);
    }
}
