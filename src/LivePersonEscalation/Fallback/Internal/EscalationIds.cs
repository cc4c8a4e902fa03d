using System.Globalization;

namespace LivePersonEscalation.Internal;

/// <summary>
/// Escalation ids (<see cref="EscalationResult.EscalationId"/>, and the guard's owner ids): the skill id, a dot, 64
/// random bits of the process (URL-safe base64) and a counter, e.g. <c>123456.kX3f9aQ_b1E-17</c>. No two instances of a
/// fleet draw the same one, and a report naming one knows its skill even after every store forgot the escalation.
/// </summary>
internal static class EscalationIds
{
    /// <summary>The longest id a report may name.</summary>
    public const int MaxLength = 256;

    private static readonly string ProcessPart =
        Convert.ToBase64String(Guid.NewGuid().ToByteArray(), 0, 8).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "-";

    private static long _count;

    /// <summary>A new id for an escalation to <paramref name="skillId"/>.</summary>
    public static string Create(string skillId)
    {
        var number = Interlocked.Increment(ref _count);
#if NET
        return string.Create(CultureInfo.InvariantCulture, $"{skillId}.{ProcessPart}{number}");
#else
        return skillId + "." + ProcessPart + number.ToString(CultureInfo.InvariantCulture);
#endif
    }

    /// <summary>The skill id an id was made for, or null when <paramref name="id"/> is not one of these ids.</summary>
    public static string? SkillOf(string id)
    {
        var dot = id.IndexOf('.');
        if (dot <= 0 || dot == id.Length - 1)
        {
            return null;
        }

        var skill = id.Substring(0, dot);
        return TextRules.IsNumericSkillId(skill) ? skill : null;
    }

    /// <summary>True when <paramref name="id"/> could have come from <see cref="Create"/>.</summary>
    public static bool IsWellFormed(string id) =>
        id.Length <= MaxLength && TextRules.IsPrintableAscii(id) && id.IndexOf(' ') < 0 && id.IndexOf('|') < 0 && SkillOf(id) is not null;
}
