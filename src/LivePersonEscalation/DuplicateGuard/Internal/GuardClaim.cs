namespace LivePersonEscalation.Internal;

/// <summary>
/// What the duplicate guard decided for one call: an earlier call's settled entry to answer from, a refusal to
/// throw, or a claim this call owns (it sends, then settles the claim with what the wire decided). A claim settles
/// itself, once, in both tiers: the instance's at once, the shared store's in the background.
/// </summary>
internal sealed class GuardClaim
{
    private readonly ConversationGuard? _guard;
    private readonly string? _conversationId;
    private readonly Task? _lateSharedClaim;
    private int _settled;

    private GuardClaim(DuplicateGuardEntry? earlier, Exception? refusal, ConversationGuard? guard, string? conversationId, string? owner, string? skillId, Task? lateSharedClaim)
    {
        Earlier = earlier;
        Refusal = refusal;
        _guard = guard;
        _conversationId = conversationId;
        Owner = owner;
        AgentSkillId = skillId;
        _lateSharedClaim = lateSharedClaim;
    }

    /// <summary>Send, and report to nobody: the guard is off.</summary>
    public static GuardClaim Unguarded { get; } = new(null, null, null, null, null, null, null);

    /// <summary>The settled entry of an earlier call (accepted, outcome unknown, or a refusal shared with its waiters): answer from it, send nothing.</summary>
    public DuplicateGuardEntry? Earlier { get; }

    /// <summary>Why nothing may be sent (the store is unreachable and must not be bypassed, or the conversation is contended).</summary>
    public Exception? Refusal { get; }

    /// <summary>This call's owner id, when it holds the claim.</summary>
    public string? Owner { get; }

    /// <summary>The skill this call escalates to, when it holds the claim.</summary>
    public string? AgentSkillId { get; }

    public static GuardClaim FromEarlier(DuplicateGuardEntry earlier) => new(earlier, null, null, null, null, null, null);

    public static GuardClaim Refused(Exception refusal) => new(null, refusal, null, null, null, null, null);

    public static GuardClaim Owned(ConversationGuard guard, string conversationId, string owner, string skillId, Task? lateSharedClaim) =>
        new(null, null, guard, conversationId, owner, skillId, lateSharedClaim);

    /// <summary>
    /// Settles this call's claim with what the wire decided (null: not sent at all). Never throws and never waits:
    /// the instance's tier settles at once, the shared store's write goes on in the background.
    /// </summary>
    public void Settle(SendOutcome? outcome)
    {
        if (_guard is not null && Interlocked.Exchange(ref _settled, 1) == 0)
        {
            _guard.Settle(_conversationId!, Owner!, AgentSkillId!, outcome, _lateSharedClaim);
        }
    }
}
