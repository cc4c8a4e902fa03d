namespace LivePersonEscalation.Internal;

/// <summary>Character rules shared by request and options validation.</summary>
internal static partial class TextRules
{
#if NET
    // What char.IsControl accepts: U+0000 to U+001F and U+007F to U+009F.
    private static readonly System.Buffers.SearchValues<char> ControlCharacters = System.Buffers.SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Select(c => (char)c)));
#endif

    /// <summary>The longest skill id accepted: 19 digits, the range of a 64-bit id.</summary>
    public const int MaxSkillIdLength = 19;

    /// <summary>True when <paramref name="value"/> is 1 to 19 ASCII digits: LivePerson's skill ids are numeric.</summary>
    public static bool IsNumericSkillId(string? value)
    {
        if (string.IsNullOrEmpty(value) || value!.Length > MaxSkillIdLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            // char.IsDigit accepts other scripts' digits (e.g. Arabic-Indic); LivePerson does not.
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="value"/> has a control character other than the ones in <paramref name="allowed"/>.</summary>
    public static bool HasControlCharacter(string value, string allowed = "")
    {
#if NET
        // One vectorized search per control character found, instead of a test per character.
        var rest = value.AsSpan();
        int found;
        while ((found = rest.IndexOfAny(ControlCharacters)) >= 0)
        {
            if (allowed.IndexOf(rest[found]) < 0)
            {
                return true;
            }

            rest = rest.Slice(found + 1);
        }
#else
        foreach (var c in value)
        {
            if (char.IsControl(c) && allowed.IndexOf(c) < 0)
            {
                return true;
            }
        }
#endif

        return false;
    }

    /// <summary>True when every character is printable ASCII, as an HTTP header value should be.</summary>
    public static bool IsPrintableAscii(string value)
    {
        foreach (var c in value)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="maxLength"/> characters, marking a cut with an ellipsis.</summary>
    public static string Cut(string text, int maxLength) =>
#if NET
        text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, maxLength), "…");
#else
        text.Length <= maxLength ? text : text.Substring(0, maxLength) + "…";
#endif

    /// <summary>True when <paramref name="value"/> starts or ends with white space.</summary>
    public static bool HasSurroundingWhiteSpace(string value) =>
        value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[value.Length - 1]));
}
