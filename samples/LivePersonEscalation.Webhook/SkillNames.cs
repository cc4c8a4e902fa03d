using Microsoft.Extensions.Options;

namespace LivePersonEscalation.WebhookSample;

/// <summary>The configured skill name of a numeric skill id (LivePerson:Escalation:Skills), for answers the bot reads.</summary>
internal sealed class SkillNames(IOptions<EscalationOptions> options)
{
    public string NameOf(string? skillId) =>
        options.Value.Skills.FirstOrDefault(skill => skill.Value == skillId).Key ?? skillId ?? string.Empty;
}
