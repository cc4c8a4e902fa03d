using LivePersonEscalation.DuplicateGuard;

namespace LivePersonEscalation.Internal;

/// <summary>What the guard keeps of a sent escalation, and which entries answer a repeat.</summary>
internal sealed partial class ConversationGuard
{
    /// <summary>The entry a sent escalation leaves: accepted, outcome unknown, a refusal for the waiters, or none (forget it).</summary>
    private static DuplicateGuardEntry? EntryOf(SendOutcome? outcome, DuplicateGuardEntry claim)
    {
        var (owner, agentSkillId) = (claim.Owner, claim.AgentSkillId);
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
                    TransferFailures = claim.TransferFailures,
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
            case EscalationOutcome.NotAccepted or null:
                // Not sent, or the sender's own cancellation: a waiting caller claims the conversation and sends itself.
                return null;
            default:
                // Unknown, or the sender itself failed in a way nobody classified: assume it may have been accepted.
                return new DuplicateGuardEntry
                {
                    State = DuplicateGuardState.Unknown,
                    Owner = owner,
                    AgentSkillId = agentSkillId,
                    Reason = (outcome.Failure switch
                    {
                        EscalationException failure => failure.Kind,
                        OperationCanceledException => EscalationFailureKind.Canceled,
                        _ => EscalationFailureKind.ConnectionLost,
                    }).ToString(),
                    Attempts = (outcome.Failure as EscalationException)?.Attempts ?? 1,
                };
        }
    }

    private static bool IsAnswer(DuplicateGuardEntry? existing, string agentSkillId) =>
        // Forgotten, expired, still in flight past its claim, a failed transfer, or a refused escalation to another
        // skill: look again.
        existing is not null && existing.State is not DuplicateGuardState.InFlight and not DuplicateGuardState.TransferFailed
        && (existing.State != DuplicateGuardState.NotAccepted || existing.AgentSkillId == agentSkillId);

    private string SharedKey(string conversationId) => _settings.KeyPrefix + conversationId;
}
