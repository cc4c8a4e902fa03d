namespace LivePersonEscalation;

/// <summary>What a handoff needs beyond the bot context: the transfer message and the skill to transfer to.</summary>
public sealed record AgentHandoffRequest
{
    /// <summary>The message the user sees before the transfer, e.g. "Hold on while I transfer you to an agent.". Must not be blank.</summary>
    public required string TransferMessage { get; init; }

    /// <summary>The numeric skill id; or leave it unset and name a configured skill in <see cref="AgentSkillName"/>.</summary>
    public string? AgentSkillId { get; init; }

    /// <summary>The skill's display name; resolved through <see cref="EscalationOptions.Skills"/> when <see cref="AgentSkillId"/> is unset.</summary>
    public string? AgentSkillName { get; init; }

    /// <summary>
    /// The transfer message to use when the expected wait is known (<see cref="TransferDecision.ExpectedWait"/>), with
    /// <c>{minutes}</c> for the wait in whole minutes, rounded up so the user is never promised less than the data
    /// says, e.g. "Hold on while I transfer you. The current wait is about {minutes} minute(s)."; otherwise
    /// <see cref="TransferMessage"/>.
    /// </summary>
    public string? TransferMessageWithWait { get; init; }

    /// <summary>
    /// True when the user has accepted a long wait (<see cref="TransferDecisionKind.LongWait"/>) and wants the
    /// transfer anyway: the escalation is then sent.
    /// </summary>
    public bool AcceptWait { get; init; }
}
