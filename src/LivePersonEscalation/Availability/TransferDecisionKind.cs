namespace LivePersonEscalation;

/// <summary>What <see cref="ISkillAvailability.DecideAsync"/> decided before an escalation.</summary>
public enum TransferDecisionKind
{
    /// <summary>Availability is not checked (not configured for the account): escalate as requested.</summary>
    NotChecked = 0,

    /// <summary>The skill is on shift with agents online: escalate as requested.</summary>
    Escalate = 1,

    /// <summary>The skill is on shift with nobody online, and its fallback skill has agents: escalate to the fallback (<see cref="TransferDecision.Request"/>).</summary>
    EscalateToFallback = 2,

    /// <summary>The skill is on shift with nobody online and no fallback has agents: escalate anyway, to wait in the queue (the default).</summary>
    EscalateWithNoAgentsOnline = 3,

    /// <summary>LivePerson's answer is unknown (not fetched yet, its API failing): escalate as requested. <see cref="TransferDecision.Reason"/> says why.</summary>
    EscalateUnknown = 4,

    /// <summary>The skill is off shift: send nothing; <see cref="TransferDecision.OpensAt"/> says when it opens.</summary>
    OffShift = 5,

    /// <summary>The skill is on shift with nobody online and no fallback has agents: send nothing, tell the user (when so configured).</summary>
    NoAgentsOnline = 6,

    /// <summary>
    /// The skill's expected wait is longer than <see cref="EscalationFallbackOptions.WhenWaitLongerThan"/> and its
    /// fallback skill, on shift with agents online, has a shorter one: escalate to the fallback
    /// (<see cref="TransferDecision.Request"/>; both waits in <see cref="TransferDecision.RequestedSkillWait"/> and
    /// <see cref="TransferDecision.ExpectedWait"/>).
    /// </summary>
    EscalateToFallbackForWait = 7,

    /// <summary>
    /// The wait of the skill the escalation would go to is longer than the configured bound: send nothing yet, show the
    /// user <see cref="TransferDecision.ExpectedWait"/> and let them choose; a confirmed request
    /// (<see cref="AgentHandoffRequest.AcceptWait"/>) is sent.
    /// </summary>
    LongWait = 8,
}
