namespace LivePersonEscalation.Internal;

/// <summary>
/// Characters beyond the first 65,536 (emoji among them), which UTF-16 writes as surrogate pairs: counted once, never cut in half.
/// </summary>
internal static partial class TextRules
{
    /// <summary>
    /// True when <paramref name="value"/> holds half of a surrogate pair (a character cut in two, typically an emoji
    /// cut off by truncation). Such text is not valid UTF-16 and cannot be sent as UTF-8 unchanged.
    /// </summary>
    public static bool HasLoneSurrogate(string value)
    {
        if (!HasSurrogate(value))
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The number of Unicode characters (code points) in <paramref name="value"/>: a surrogate pair counts once.</summary>
    public static int CountCharacters(string value)
    {
        var count = value.Length;
        if (!HasSurrogate(value))
        {
            return count;
        }

        for (var i = 0; i + 1 < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && char.IsLowSurrogate(value[i + 1]))
            {
                count--;
                i++;
            }
        }

        return count;
    }

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="maxLength"/> UTF-16 units without splitting a surrogate pair.</summary>
    public static string CutAtCharacter(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var end = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        return text.Substring(0, end);
    }

    /// <summary>True when <paramref name="value"/> holds any surrogate (most text holds none: one vectorized search decides).</summary>
    private static bool HasSurrogate(string value)
    {
#if NET
        return value.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;
#else
        foreach (var c in value)
        {
            if (char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
#endif
    }
}
