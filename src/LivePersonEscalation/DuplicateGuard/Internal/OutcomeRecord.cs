namespace LivePersonEscalation.Internal;

/// <summary>What the wire decided of one escalation, as the entry of a record (the input of <see cref="GuardRules.Settle"/>).</summary>
internal static class OutcomeRecord
{
    public static ConversationRecord Of(SendOutcome? outcome, string owner, string skillId)
    {
        switch (outcome?.State)
        {
            case EscalationOutcome.Accepted:
                var result = outcome.Result!;
                var cut = result.Body.Length > ConversationRecord.MaxBodyLength;
                return new ConversationRecord
                {
                    Owner = owner,
                    SkillId = skillId,
                    State = GuardState.Accepted,
                    StatusCode = (int)result.StatusCode,
                    RequestId = result.RequestId,
                    Body = cut ? TextRules.CutAtCharacter(result.Body, ConversationRecord.MaxBodyLength) : result.Body,
                    IsBodyTruncated = cut || result.IsBodyTruncated,
                    Attempts = result.Attempts,
                    ElapsedMs = (long)result.Elapsed.TotalMilliseconds,
                };
            case EscalationOutcome.NotAccepted when outcome.Failure is EscalationException refusal:
                // The callers that waited on this escalation share LivePerson's refusal; nobody else is answered by it.
                return new ConversationRecord
                {
                    Owner = owner,
                    SkillId = skillId,
                    State = GuardState.NotAccepted,
                    FailureKind = refusal.Kind,
                    StatusCode = (int)(refusal.StatusCode ?? 0),
                    RequestId = refusal.RequestId,
                    Attempts = refusal.Attempts,
                    ElapsedMs = (long)refusal.Elapsed.TotalMilliseconds,
                };
            case EscalationOutcome.NotAccepted or null:
                // Not sent, or the sender's own cancellation before sending: a waiting caller claims the conversation and sends itself.
                return new ConversationRecord { Owner = owner, SkillId = skillId };
            default:
                // Unknown, or the sender itself failed in a way nobody classified: assume it may have been accepted.
                return new ConversationRecord
                {
                    Owner = owner,
                    SkillId = skillId,
                    State = GuardState.Unknown,
                    FailureKind = outcome.Failure switch
                    {
                        EscalationException failure => failure.Kind,
                        OperationCanceledException => EscalationFailureKind.Canceled,
                        _ => EscalationFailureKind.ConnectionLost,
                    },
                    Attempts = (outcome.Failure as EscalationException)?.Attempts ?? 1,
                };
        }
    }
}
