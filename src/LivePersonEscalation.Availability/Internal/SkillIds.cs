using System.Globalization;

namespace LivePersonEscalation.Availability.Internal;

/// <summary>
/// Skill ids as LivePerson's account APIs key them: numbers. A configured id with leading zeros ("0123") and the
/// API's 123 are the same skill.
/// </summary>
internal static class SkillIds
{
    public static string Canonical(string skillId)
    {
        var trimmed = skillId.Trim().TrimStart('0');
        return trimmed.Length == 0 ? "0" : trimmed;
    }

    public static string Canonical(long skillId) => skillId.ToString(CultureInfo.InvariantCulture);
}
