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
}
