using LivePersonEscalation.DuplicateGuard;

namespace LivePersonEscalation.Internal;

/// <summary>
/// What a repeat gets from an earlier call's entry in the duplicate guard: its result, or a refusal that says why
/// nothing was sent.
/// </summary>
internal static class GuardEntries
{
    /// <summary>The failure kind an entry's <see cref="DuplicateGuardEntry.Reason"/> names, or <paramref name="fallback"/>.</summary>
    public static EscalationFailureKind KindOf(DuplicateGuardEntry entry, EscalationFailureKind fallback) =>
        Enum.TryParse<EscalationFailureKind>(entry.Reason, out var kind) ? kind : fallback;

    /// <summary>
    /// What a repeat of the conversation to <paramref name="agentSkillId"/> gets from an earlier call's settled
    /// <paramref name="earlier"/> entry: the same skill's acceptance as a deduplicated result; otherwise a refusal.
    /// </summary>
    /// <exception cref="EscalationException">The earlier escalation's outcome is unknown, it went to another skill, or the library gave up on the conversation.</exception>
    public static EscalationResult Answer(DuplicateGuardEntry earlier, string agentSkillId, EscalationSettings settings)
    {
        if (earlier.State == DuplicateGuardState.GivenUp)
        {
            throw EscalationFailures.GaveUp(earlier, settings);
        }

        if (!string.Equals(earlier.AgentSkillId, agentSkillId, StringComparison.Ordinal))
        {
            throw EscalationFailures.AlreadyEscalated(earlier, agentSkillId, settings);
        }

        switch (earlier.State)
        {
            case DuplicateGuardState.NotAccepted:
                throw EscalationFailures.EarlierNotAccepted(earlier);
            case DuplicateGuardState.Unknown:
                throw EscalationFailures.EarlierOutcomeUnknown(earlier, settings);
        }

        return new EscalationResult
        {
            StatusCode = earlier.StatusCode,
            Body = earlier.Body,
            IsBodyTruncated = earlier.IsBodyTruncated,
            RequestId = earlier.RequestId,
            Attempts = earlier.Attempts,
            Elapsed = earlier.Elapsed,
            IsDeduplicated = true,
            EscalationId = earlier.Owner,
            TransferFailures = earlier.TransferFailures,
        };
    }
}
