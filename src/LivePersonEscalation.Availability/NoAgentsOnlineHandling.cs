namespace LivePersonEscalation;

/// <summary>What an escalation does when its skill is on shift, nobody is online, and no fallback skill has agents (<see cref="SkillAvailabilityOptions.WhenNoAgentsOnline"/>).</summary>
public enum NoAgentsOnlineHandling
{
    /// <summary>Escalate anyway: the conversation waits in the skill's queue until an agent comes online. The default.</summary>
    QueueAnyway = 0,

    /// <summary>Send nothing: the caller learns nobody is online (<see cref="TransferDecisionKind.NoAgentsOnline"/>) and tells the user.</summary>
    TellUser = 1,
}
