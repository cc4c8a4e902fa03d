using LivePersonEscalation.DuplicateGuard;

namespace LivePersonEscalation.Internal;

/// <summary>
/// What the duplicate guard decided for one call: an earlier call's settled entry to answer from, a refusal to
/// throw, or a claim this call owns (it sends, then settles the claim with what the wire decided, once). A claim
/// settles itself in both tiers: the instance's at once, the shared store's in the background. A value, made on
/// every escalation: it allocates nothing of its own.
/// </summary>
internal readonly struct GuardClaim
{
    private readonly ConversationGuard? _guard;
    private readonly string? _conversationId;
    private readonly DuplicateGuardEntry? _claim;
    private readonly Task? _lateSharedClaim;

    private GuardClaim(DuplicateGuardEntry? earlier, Exception? refusal, ConversationGuard? guard, string? conversationId, DuplicateGuardEntry? claim, Task? lateSharedClaim)
    {
        Earlier = earlier;
        Refusal = refusal;
        _guard = guard;
        _conversationId = conversationId;
        _claim = claim;
        _lateSharedClaim = lateSharedClaim;
    }

    /// <summary>Send, and report to nobody: the guard is off.</summary>
    public static GuardClaim Unguarded => default;

    /// <summary>The settled entry of an earlier call (accepted, outcome unknown, or a refusal shared with its waiters): answer from it, send nothing.</summary>
    public DuplicateGuardEntry? Earlier { get; }

    /// <summary>Why nothing may be sent (the store is unreachable and must not be bypassed, or the conversation is contended).</summary>
    public Exception? Refusal { get; }

    /// <summary>This call's owner id (the escalation's id), when it holds the claim.</summary>
    public string? Owner => _claim?.Owner;

    public static GuardClaim FromEarlier(DuplicateGuardEntry earlier) => new(earlier, null, null, null, null, null);

    public static GuardClaim Refused(Exception refusal) => new(null, refusal, null, null, null, null);

    public static GuardClaim Owned(ConversationGuard guard, string conversationId, DuplicateGuardEntry claim, Task? lateSharedClaim) =>
        new(null, null, guard, conversationId, claim, lateSharedClaim);

    /// <summary>
    /// What this repeat of the conversation, to <paramref name="agentSkillId"/>, gets from <see cref="Earlier"/>: the
    /// same skill's acceptance as a deduplicated result; otherwise a refusal.
    /// </summary>
    /// <exception cref="EscalationException">The earlier escalation's outcome is unknown, it was refused, it went to another skill, or the library gave up on the conversation.</exception>
    public EscalationResult AnswerFromEarlier(string agentSkillId, EscalationSettings settings)
    {
        var earlier = Earlier!;
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

    /// <summary>
    /// Settles this call's claim with what the wire decided (null: not sent at all); call it once. Never throws
    /// and never waits: the instance's tier settles at once, the shared store's write goes on in the background.
    /// </summary>
    public void Settle(SendOutcome? outcome) => _guard?.Settle(_conversationId!, _claim!, outcome, _lateSharedClaim);
}
