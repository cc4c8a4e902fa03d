namespace LivePersonEscalation;

/// <summary>
/// One skill's availability from the account's snapshot (<see cref="ISkillAvailability"/>): whether it is on shift
/// (and when that changes), how many agents are online, back soon or away, and how old the data is. A part LivePerson
/// could not tell (not configured, not fetched yet, its API failing for longer than the bound) is null, and
/// <see cref="UnknownReason"/> says why.
/// </summary>
public sealed class SkillAvailability
{
    /// <summary>The numeric skill id.</summary>
    public required string SkillId { get; init; }

    /// <summary>True on shift, false off shift, null when unknown. Flips by itself at <see cref="NextOn"/> and <see cref="NextOff"/>.</summary>
    public bool? OnShift { get; init; }

    /// <summary>When the skill's next shift starts (null for 24/7, or when unknown).</summary>
    public DateTimeOffset? NextOn { get; init; }

    /// <summary>When the skill's shift ends next (null for 24/7, or when unknown).</summary>
    public DateTimeOffset? NextOff { get; init; }

    /// <summary>Agents online with the skill; null when unknown.</summary>
    public int? OnlineAgents { get; init; }

    /// <summary>Agents with the skill marked back soon; null when unknown.</summary>
    public int? BackSoonAgents { get; init; }

    /// <summary>Agents with the skill marked away; null when unknown.</summary>
    public int? AwayAgents { get; init; }

    /// <summary>When the shift status was fetched; null when it never was.</summary>
    public DateTimeOffset? ShiftCheckedAt { get; init; }

    /// <summary>When the agent counts were fetched; null when they never were.</summary>
    public DateTimeOffset? AgentsCheckedAt { get; init; }

    /// <summary>How old the older of the two parts is, at the time of the answer; null when neither is known.</summary>
    public TimeSpan? Age { get; init; }

    /// <summary>Why a part is unknown (not configured, not fetched yet, the API failing); null when both are known.</summary>
    public string? UnknownReason { get; init; }

    /// <summary>
    /// The expected wait for an agent: LivePerson's average wait for agent assignment <b>after a transfer</b>
    /// (<c>avgWaitTimeForAgentAssignment_AfterTransfer</c> of Messaging Current Queue Health), since a bot's escalation
    /// is a transfer. Null when unknown (<see cref="ExpectedWaitUnknownReason"/> says why): queue health off, no data
    /// (<c>-1</c>), the skill not listed, data older than 3 refresh intervals, or the feed not enabled on the account.
    /// </summary>
    public TimeSpan? ExpectedWait { get; init; }

    /// <summary>How old <see cref="ExpectedWait"/> is, from the fetch; null when it is unknown.</summary>
    public TimeSpan? ExpectedWaitAge { get; init; }

    /// <summary>Why <see cref="ExpectedWait"/> is unknown; null when it is known.</summary>
    public string? ExpectedWaitUnknownReason { get; init; }

    /// <summary>True when both the shift status and the agent counts are known.</summary>
    public bool IsKnown => OnShift is not null && OnlineAgents is not null;

    /// <summary>The skill and what is known of it, for logs.</summary>
    /// <returns>The skill id, shift, agent counts and age, or why they are unknown.</returns>
    public override string ToString() =>
        $"skill {SkillId}: shift {(OnShift is { } on ? on ? "on" : "off" : "unknown")}, agents {(OnlineAgents is { } online ? $"{online} online, {BackSoonAgents} back soon, {AwayAgents} away" : "unknown")}"
        + (Age is { } age ? $", {(long)age.TotalSeconds} s old" : string.Empty)
        + (ExpectedWait is { } wait ? $", expected wait {(long)Math.Ceiling(wait.TotalSeconds)} s" : string.Empty)
        + (UnknownReason is { } reason ? $" ({reason})" : string.Empty);
}
