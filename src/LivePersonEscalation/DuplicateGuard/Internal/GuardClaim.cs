using LivePersonEscalation.DuplicateGuard;

namespace LivePersonEscalation.Internal;

/// <summary>
/// What the duplicate guard decided for one call: an earlier escalation's record to answer from, a refusal to throw,
/// or a claim this call owns (it sends, then settles the claim with what the wire decided, once). A claim settles
/// itself in both tiers: the instance's at once, the shared store's in the background.
/// </summary>
internal readonly struct GuardClaim
{
    private readonly ConversationGuard? _guard;

    private GuardClaim(ConversationRecord? earlier, Exception? refusal, ConversationGuard? guard, string? conversationId, string? owner, string? skillId, DuplicateGuardRecord? sharedRecord)
    {
        Earlier = earlier;
        Refusal = refusal;
        _guard = guard;
        ConversationId = conversationId!;
        Owner = owner;
        SkillId = skillId!;
        SharedRecord = sharedRecord;
    }

    /// <summary>Send, and report to nobody: the guard is off.</summary>
    public static GuardClaim Unguarded => default;

    /// <summary>The record of an earlier escalation (accepted, outcome unknown, a refusal this call waited for, or given up): answer from it, send nothing.</summary>
    public ConversationRecord? Earlier { get; }

    /// <summary>Why nothing may be sent (the store is unreachable and must not be bypassed, or the conversation is contended).</summary>
    public Exception? Refusal { get; }

    /// <summary>This call's escalation id, when it holds the claim.</summary>
    public string? Owner { get; }

    public string ConversationId { get; }

    public string SkillId { get; }

    /// <summary>The shared store's record as this claim wrote (or found) it; null when the shared store did not take the claim.</summary>
    public DuplicateGuardRecord? SharedRecord { get; }

    public static GuardClaim FromEarlier(ConversationRecord earlier) => new(earlier, null, null, null, null, null, null);

    public static GuardClaim Refused(Exception refusal) => new(null, refusal, null, null, null, null, null);

    public static GuardClaim Owned(ConversationGuard guard, string conversationId, string owner, string skillId, DuplicateGuardRecord? shared) =>
        new(null, null, guard, conversationId, owner, skillId, shared);

    /// <summary>
    /// What this repeat of the conversation, to <paramref name="agentSkillId"/>, gets from <see cref="Earlier"/>: the
    /// same skill's acceptance as a deduplicated result; otherwise a refusal.
    /// </summary>
    /// <exception cref="EscalationException">The earlier escalation's outcome is unknown, it was refused, it went to another skill, or the library gave up on the conversation.</exception>
    public EscalationResult AnswerFromEarlier(string agentSkillId, EscalationSettings settings)
    {
        var earlier = Earlier!;
        if (earlier.GiveUpReason is not null)
        {
            throw EscalationFailures.GaveUp(earlier, settings);
        }

        if (!string.Equals(earlier.SkillId, agentSkillId, StringComparison.Ordinal))
        {
            throw EscalationFailures.AlreadyEscalated(earlier, agentSkillId, settings);
        }

        switch (earlier.State)
        {
            case GuardState.NotAccepted:
                throw EscalationFailures.EarlierNotAccepted(earlier);
            case GuardState.Unknown:
                throw EscalationFailures.EarlierOutcomeUnknown(earlier, settings);
        }

        return new EscalationResult
        {
            StatusCode = earlier.Status,
            Body = earlier.Body,
            IsBodyTruncated = earlier.IsBodyTruncated,
            RequestId = earlier.RequestId,
            Attempts = earlier.Attempts,
            Elapsed = earlier.Elapsed,
            IsDeduplicated = true,
            EscalationId = earlier.Owner,
            TransferFailures = earlier.EntryTransferFailures,
        };
    }

    /// <summary>
    /// Settles this call's claim with what the wire decided (null: not sent at all), with the call's own settings;
    /// call it once. Never throws and never waits: the instance's tier settles at once, the shared store's write goes
    /// on in the background.
    /// </summary>
    public void Settle(SendOutcome? outcome, EscalationSettings settings)
    {
        if (_guard is not null)
        {
            _guard.Settle(this, OutcomeRecord.Of(outcome, Owner!, SkillId), settings);
        }
    }
}
