namespace LivePersonEscalation.Internal;

/// <summary>
/// Between escalations and the duplicate guard: what a sent escalation leaves in the guard, and what a repeat gets
/// from an earlier call's entry (its result, or a refusal that says why nothing was sent).
/// </summary>
internal static class GuardEntries
{
    /// <summary>The entry a sent escalation leaves: accepted, outcome unknown, or none (forget it: provably not accepted).</summary>
    public static DuplicateGuardEntry? From(SendOutcome? outcome, string owner, string agentSkillId)
    {
        switch (outcome?.State)
        {
            case EscalationOutcome.Accepted:
                var result = outcome.Result!;
                var cut = result.Body.Length > DuplicateGuardEntry.MaxBodyLength;
                return new DuplicateGuardEntry
                {
                    State = DuplicateGuardState.Accepted,
                    Owner = owner,
                    AgentSkillId = agentSkillId,
                    StatusCode = result.StatusCode,
                    RequestId = result.RequestId,
                    Body = cut ? TextRules.CutAtCharacter(result.Body, DuplicateGuardEntry.MaxBodyLength) : result.Body,
                    IsBodyTruncated = cut || result.IsBodyTruncated,
                    Attempts = result.Attempts,
                    Elapsed = result.Elapsed,
                };
            case EscalationOutcome.NotAccepted when outcome.Failure is EscalationException refusal:
                // Callers waiting on this escalation share LivePerson's refusal; nobody else remembers it.
                return new DuplicateGuardEntry
                {
                    State = DuplicateGuardState.NotAccepted,
                    Owner = owner,
                    AgentSkillId = agentSkillId,
                    Reason = refusal.Kind.ToString(),
                    StatusCode = refusal.StatusCode ?? 0,
                    RequestId = refusal.RequestId,
                    Attempts = refusal.Attempts,
                    Elapsed = refusal.Elapsed,
                };
            case EscalationOutcome.NotAccepted:
                // Not sent, or the sender's own cancellation: a waiting caller claims the conversation and sends itself.
                return null;
            default:
                // Unknown, or the sender itself failed in a way nobody classified: assume it may have been accepted.
                return new DuplicateGuardEntry
                {
                    State = DuplicateGuardState.OutcomeUnknown,
                    Owner = owner,
                    AgentSkillId = agentSkillId,
                    Reason = (outcome?.Failure switch
                    {
                        EscalationException failure => failure.Kind,
                        OperationCanceledException => EscalationFailureKind.Canceled,
                        _ => EscalationFailureKind.ConnectionLost,
                    }).ToString(),
                    Attempts = (outcome?.Failure as EscalationException)?.Attempts ?? 1,
                };
        }
    }

    /// <summary>The failure kind an entry's <see cref="DuplicateGuardEntry.Reason"/> names, or <paramref name="fallback"/>.</summary>
    public static EscalationFailureKind KindOf(DuplicateGuardEntry entry, EscalationFailureKind fallback) =>
        Enum.TryParse<EscalationFailureKind>(entry.Reason, out var kind) ? kind : fallback;

    /// <summary>
    /// What a repeat of the conversation to <paramref name="agentSkillId"/> gets from an earlier call's settled
    /// <paramref name="earlier"/> entry: the same skill's acceptance as a deduplicated result; otherwise a refusal.
    /// </summary>
    /// <exception cref="EscalationException">The earlier escalation's outcome is unknown, or it went to another skill.</exception>
    public static EscalationResult Answer(DuplicateGuardEntry earlier, string agentSkillId, EscalationSettings settings)
    {
        if (!string.Equals(earlier.AgentSkillId, agentSkillId, StringComparison.Ordinal))
        {
            throw EscalationFailures.AlreadyEscalated(earlier, agentSkillId, settings);
        }

        switch (earlier.State)
        {
            case DuplicateGuardState.NotAccepted:
                throw EscalationFailures.EarlierNotAccepted(earlier);
            case DuplicateGuardState.OutcomeUnknown:
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
        };
    }
}
