namespace LivePersonEscalation.Internal;

/// <summary>What <see cref="GuardRules.Claim"/> decided for one call.</summary>
internal enum ClaimVerdict
{
    /// <summary>The call owns the conversation and sends (after writing <see cref="ClaimDecision.Next"/>, when there is one).</summary>
    Claimed = 0,

    /// <summary>Another call's escalation is in flight: wait for the record to change, then decide again.</summary>
    Wait = 1,

    /// <summary>An earlier escalation answers this call (accepted, outcome unknown, or a refusal it waited for); nothing is sent.</summary>
    Earlier = 2,

    /// <summary>The library gave up on the conversation; nothing is sent.</summary>
    GivenUp = 3,
}

/// <summary>A claim's verdict, the record it read (<see cref="Current"/>) and the one to write (<see cref="Next"/>, null when nothing changes).</summary>
internal readonly record struct ClaimDecision(ClaimVerdict Verdict, ConversationRecord? Current, ConversationRecord? Next);
