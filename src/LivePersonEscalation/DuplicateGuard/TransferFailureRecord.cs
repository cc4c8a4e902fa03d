namespace LivePersonEscalation.DuplicateGuard;

/// <summary>
/// What a store keeps of one conversation's failed transfers, for <see cref="EscalationFallbackOptions.Window"/> from
/// the last report: how many, which escalations were reported (each counts once), whether the library gave up, and
/// the latest escalation accepted since. Stores treat it as an opaque value apart from <see cref="GiveUpReason"/>.
/// </summary>
public sealed record TransferFailureRecord
{
    /// <summary>How many transfers of the conversation failed.</summary>
    public required int TransferFailures { get; init; }

    /// <summary>The escalations already counted (at most <see cref="EscalationFallbackOptions.MaxTransferFailures"/>).</summary>
    public required IReadOnlyList<string> ReportedEscalationIds { get; init; }

    /// <summary>The numeric id of the skill whose transfer failed last.</summary>
    public required string FailedSkillId { get; init; }

    /// <summary>Why the library gave up on the conversation, or null while it still escalates.</summary>
    public TransferGiveUpReason? GiveUpReason { get; init; }

    /// <summary>The latest escalation of the conversation accepted since the first report (a store's settle writes it).</summary>
    public string? LatestEscalationId { get; init; }

    /// <summary>
    /// True when the report that returned this record counted a failure; false when its escalation was counted
    /// before, or the library had already given up. Not kept.
    /// </summary>
    public bool Counted { get; init; }
}
