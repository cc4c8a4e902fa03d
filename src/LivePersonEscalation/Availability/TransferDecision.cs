namespace LivePersonEscalation;

/// <summary>
/// Whether to escalate, and to which skill, from the account's availability snapshot
/// (<see cref="ISkillAvailability.DecideAsync"/>). <see cref="AgentHandoff"/> applies it itself; a host that escalates
/// with <see cref="IEscalationClient"/> sends <see cref="Request"/> when <see cref="ShouldEscalate"/>.
/// </summary>
public sealed class TransferDecision
{
    /// <summary>What was decided.</summary>
    public required TransferDecisionKind Kind { get; init; }

    /// <summary>The escalation to send: the one asked for, or with the fallback skill's id (<see cref="TransferDecisionKind.EscalateToFallback"/>).</summary>
    public required EscalationRequest Request { get; init; }

    /// <summary>The requested skill's availability; null when availability is not configured.</summary>
    public SkillAvailability? Availability { get; init; }

    /// <summary>The fallback skill's availability, when it was chosen.</summary>
    public SkillAvailability? FallbackAvailability { get; init; }

    /// <summary>True when the escalation should be sent (<see cref="Request"/>); false off shift, or with nobody online and <see cref="NoAgentsOnlineHandling.TellUser"/>.</summary>
    public bool ShouldEscalate => Kind is not (TransferDecisionKind.OffShift or TransferDecisionKind.NoAgentsOnline);

    /// <summary>True when the skill is off shift and nothing should be sent.</summary>
    public bool IsOffShift => Kind == TransferDecisionKind.OffShift;

    /// <summary>True when nobody is online with the skill (whether or not the escalation is sent anyway).</summary>
    public bool IsNoAgentsOnline => Kind is TransferDecisionKind.NoAgentsOnline or TransferDecisionKind.EscalateWithNoAgentsOnline;

    /// <summary>True when LivePerson's answer was unknown and the escalation goes ahead unchecked.</summary>
    public bool IsUnknown => Kind == TransferDecisionKind.EscalateUnknown;

    /// <summary>When an off-shift skill opens (LivePerson's <c>nextOn</c>); null otherwise or when LivePerson did not say.</summary>
    public DateTimeOffset? OpensAt => IsOffShift ? Availability?.NextOn : null;
}
