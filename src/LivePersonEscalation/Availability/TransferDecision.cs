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

    /// <summary>True when the escalation should be sent (<see cref="Request"/>); false off shift, or with nobody online when the user is to be told instead.</summary>
    public bool ShouldEscalate => Kind is not (TransferDecisionKind.OffShift or TransferDecisionKind.NoAgentsOnline);

    /// <summary>True when the skill is off shift and nothing should be sent.</summary>
    public bool IsOffShift => Kind == TransferDecisionKind.OffShift;

    /// <summary>True when nobody is online with the skill (whether or not the escalation is sent anyway).</summary>
    public bool IsNoAgentsOnline => Kind is TransferDecisionKind.NoAgentsOnline or TransferDecisionKind.EscalateWithNoAgentsOnline;

    /// <summary>True when LivePerson's answer was unknown and the escalation goes ahead unchecked.</summary>
    public bool IsUnknown => Kind == TransferDecisionKind.EscalateUnknown;

    /// <inheritdoc />
    public override string ToString() => Reason is null ? Kind.ToString() : $"{Kind}: {Reason}";
}
