namespace LivePersonEscalation;

/// <summary>
/// What a transfer-failure report did: escalated the conversation to the fallback skill (<see cref="Escalation"/>),
/// or gave up on it (<see cref="GiveUpReason"/>), with the conversation's count of transfer failures so far.
/// </summary>
public sealed class TransferFailureResult
{
    /// <summary>The conversation's transfer failures within <see cref="EscalationFallbackOptions.Window"/>, this one included.</summary>
    public required int TransferFailures { get; init; }

    /// <summary>The numeric id of the skill whose transfer failed.</summary>
    public required string FailedSkillId { get; init; }

    /// <summary>
    /// True when this report's escalation had been reported already: it was not counted again, and nothing was sent
    /// that had been sent before; the result is the conversation's current state.
    /// </summary>
    public bool IsRepeatedReport { get; init; }

    /// <summary>Why the library gave up on the conversation, or null when it escalated to a fallback.</summary>
    public TransferGiveUpReason? GiveUpReason { get; init; }

    /// <summary>True when the library gave up: nothing more is sent for the conversation within <see cref="EscalationFallbackOptions.Window"/>.</summary>
    public bool GaveUp => GiveUpReason is not null;

    /// <summary>The numeric id of the fallback skill, when the library did not give up.</summary>
    public string? FallbackSkillId { get; init; }

    /// <summary>The conversation's current escalation (to <see cref="FallbackSkillId"/>), when the library did not give up.</summary>
    public string? EscalationId { get; init; }

    /// <summary>
    /// LivePerson's acceptance of the escalation to the fallback skill, when this report sent it (or, for a repeated
    /// report that arrived while it was in flight, its answer marked <see cref="EscalationResult.IsDeduplicated"/>);
    /// null when the library gave up, or a repeated report found the fallback accepted already (its id is in
    /// <see cref="EscalationId"/>).
    /// </summary>
    public EscalationResult? Escalation { get; init; }

    /// <summary>Describes the result without ids.</summary>
    /// <returns>Count, skills and what happened.</returns>
    public override string ToString() =>
        GaveUp
            ? $"Transfer to skill {FailedSkillId} failed ({TransferFailures} failure(s)); gave up: {GiveUpReason}{(IsRepeatedReport ? ", repeated report" : string.Empty)}"
            : $"Transfer to skill {FailedSkillId} failed ({TransferFailures} failure(s)); escalated to skill {FallbackSkillId}{(IsRepeatedReport ? ", repeated report" : string.Empty)}";
}
