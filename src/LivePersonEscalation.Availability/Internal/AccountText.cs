namespace LivePersonEscalation.Availability.Internal;

/// <summary>The character rules of skill ids and credentials, as the core package states them for its own settings.</summary>
internal static class AccountText
{
    /// <summary>The longest skill id LivePerson issues (a 64-bit number).</summary>
    public const int MaxSkillIdLength = 19;

    /// <summary>1 to <see cref="MaxSkillIdLength"/> ASCII digits (<c>char.IsDigit</c> would accept other scripts' digits; LivePerson does not).</summary>
    public static bool IsNumericSkillId(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxSkillIdLength && value.All(static c => c is >= '0' and <= '9');

    public static bool IsPrintableAscii(string value) => value.All(static c => c is >= ' ' and <= '~');

    public static bool HasControlCharacter(string value) => value.Any(char.IsControl);
}
