using System.Globalization;

namespace LivePersonEscalation.Internal;

/// <summary>
/// Escalation ids (<see cref="EscalationResult.EscalationId"/>, the guard's owner ids) and record versions: 64 random
/// bits of the process (URL-safe base64), a dash and a counter, e.g. <c>kX3f9aQ_b1E-17</c>. No two instances of a
/// fleet draw the same one. An id says nothing by itself: a report naming one counts only if the conversation's
/// record issued it.
/// </summary>
internal static class EscalationIds
{
    /// <summary>The longest id a report may name.</summary>
    public const int MaxLength = 64;

    private static readonly string ProcessPart =
        Convert.ToBase64String(Guid.NewGuid().ToByteArray(), 0, 8).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "-";

    private static long _count;

    /// <summary>A new id.</summary>
    public static string Create()
    {
        var number = Interlocked.Increment(ref _count);
        return ProcessPart + number.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>True when <paramref name="id"/> could have come from <see cref="Create"/>.</summary>
    public static bool IsWellFormed(string id)
    {
        if (id.Length is < 13 or > MaxLength || id[11] != '-')
        {
            return false;
        }

        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            var ok = i < 11 ? (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_') : i == 11 || c is >= '0' and <= '9';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
