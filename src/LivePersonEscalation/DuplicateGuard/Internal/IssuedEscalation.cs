namespace LivePersonEscalation.Internal;

/// <summary>An escalation a conversation's record issued and LivePerson accepted (or may have): a report may name it.</summary>
/// <param name="Id">The escalation's <see cref="EscalationResult.EscalationId"/>.</param>
/// <param name="SkillId">The numeric skill it went to.</param>
internal sealed record IssuedEscalation(string Id, string SkillId);
