namespace LivePersonEscalation;

/// <summary>
/// Whether to escalate, and to which skill (<see cref="ISkillAvailability.DecideAsync"/>). <see cref="AgentHandoff"/>
/// applies it itself; a host that escalates with <see cref="IEscalationClient"/> sends <see cref="Request"/> when
/// <see cref="ShouldEscalate"/>.
/// </summary>
public sealed class TransferDecision
{
    /// <summary>What was decided.</summary>
    public required TransferDecisionKind Kind { get; init; }

    /// <summary>The escalation to send: the one asked for, or with the fallback skill's id (<see cref="TransferDecisionKind.EscalateToFallback"/>).</summary>
    public required EscalationRequest Request { get; init; }

    /// <summary>When an off-shift skill opens (LivePerson's <c>nextOn</c>); null when it is not off shift, or LivePerson did not say.</summary>
    public DateTimeOffset? OpensAt { get; init; }

    /// <summary>
    /// What the decision rests on, for logs and traces, e.g. <c>skill 123: shift on, agents 0 online, 1 back soon, 0 away, 12 s old</c>;
    /// for <see cref="TransferDecisionKind.EscalateUnknown"/>, why LivePerson's answer is unknown. Null when nothing was checked.
    /// </summary>
    public string? Reason { get; init; }

    /// <summary>
    /// The expected wait for an agent at the skill of <see cref="Request"/> (after any fallback), when LivePerson's
    /// queue health knows it; null otherwise.
    /// </summary>
    public TimeSpan? ExpectedWait { get; init; }

    /// <summary>The expected wait at the skill asked for, when the decision went to a fallback for a shorter wait (<see cref="TransferDecisionKind.EscalateToFallbackForWait"/>).</summary>
    public TimeSpan? RequestedSkillWait { get; init; }

    /// <summary>True when the escalation should be sent (<see cref="Request"/>); false off shift, with nobody online when the user is to be told instead, or for a long wait the user has not accepted.</summary>
    public bool ShouldEscalate => Kind is not (TransferDecisionKind.OffShift or TransferDecisionKind.NoAgentsOnline or TransferDecisionKind.LongWait);

    /// <summary>True when nothing is sent yet because the wait is long (<see cref="ExpectedWait"/>): the user chooses.</summary>
    public bool IsLongWait => Kind == TransferDecisionKind.LongWait;

    /// <summary>The expected wait in whole minutes, rounded up (never less than the data says, at least 1); null when unknown.</summary>
    public int? ExpectedWaitMinutes => ExpectedWait is { } wait ? Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes)) : null;

    /// <summary>True when the skill is off shift and nothing should be sent.</summary>
    public bool IsOffShift => Kind == TransferDecisionKind.OffShift;

    /// <summary>True when nobody is online with the skill (whether or not the escalation is sent anyway).</summary>
    public bool IsNoAgentsOnline => Kind is TransferDecisionKind.NoAgentsOnline or TransferDecisionKind.EscalateWithNoAgentsOnline;

    /// <summary>True when LivePerson's answer was unknown and the escalation goes ahead unchecked.</summary>
    public bool IsUnknown => Kind == TransferDecisionKind.EscalateUnknown;

    /// <inheritdoc />
    public override string ToString() => Reason is null ? Kind.ToString() : $"{Kind}: {Reason}";
}
