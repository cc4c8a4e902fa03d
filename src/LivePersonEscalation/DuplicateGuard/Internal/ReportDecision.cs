namespace LivePersonEscalation.Internal;

/// <summary>What <see cref="GuardRules.ReportTransferFailure"/> decided for one report.</summary>
internal enum ReportVerdict
{
    /// <summary>The failure counted; the conversation goes on to its fallback (claimed in the same write when it could be).</summary>
    Counted = 0,

    /// <summary>The failure counted, and the library gave up on the conversation with it.</summary>
    GaveUp = 1,

    /// <summary>That escalation's failure was counted before (a repeated report), or the library had given up already: nothing changes.</summary>
    Repeated = 2,

    /// <summary>The report names an escalation this conversation's record never issued: nothing changes.</summary>
    NotIssued = 3,

    /// <summary>The record knows no accepted escalation of the conversation (never escalated, or forgotten): nothing changes.</summary>
    NothingToReport = 4,
}

/// <summary>
/// A report's verdict, the record after it (<see cref="Record"/>: what the caller answers from), the one to write
/// (<see cref="Next"/>, null when nothing changes), and the fallback escalation claimed with it, if any.
/// </summary>
internal readonly record struct ReportDecision(ReportVerdict Verdict, ConversationRecord? Record, ConversationRecord? Next, string? FailedEscalationId, string? ClaimedFallbackSkillId);
