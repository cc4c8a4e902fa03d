using System.Globalization;
using System.Text;

namespace LivePersonEscalation.Internal;

/// <summary>
/// Takes the API access key out of text the library keeps or returns (response bodies, accepted ones included): the
/// key as it is, and as a JSON writer may have escaped it (<c>\u002B</c> or <c>\u002b</c> for <c>+</c>, <c>\/</c> for
/// <c>/</c>, and so on), since a server that echoes the request's headers writes them into JSON.
/// </summary>
internal sealed class KeyRedaction
{
    /// <summary>What stands where the key stood.</summary>
    public const string Mask = "***";

    private readonly string[] _forms;

    public KeyRedaction(string apiAccessKey)
    {
        _forms = apiAccessKey.Length == 0
            ? []
            : new[]
            {
                apiAccessKey,
                JsonEscaped(apiAccessKey, "X4", escapeSlash: false),
                JsonEscaped(apiAccessKey, "x4", escapeSlash: false),
                JsonEscaped(apiAccessKey, "X4", escapeSlash: true),
                JsonEscaped(apiAccessKey, "x4", escapeSlash: true),
                JsonEscaped(apiAccessKey, hexFormat: null, escapeSlash: true),
            }.Distinct(StringComparer.Ordinal).OrderByDescending(form => form.Length).ToArray();
    }

    /// <summary><paramref name="text"/> with every form of the key replaced by <see cref="Mask"/>.</summary>
    public string Redact(string text)
    {
        foreach (var form in _forms)
        {
#if NET
            if (text.Contains(form, StringComparison.Ordinal))
#else
            if (text.IndexOf(form, StringComparison.Ordinal) >= 0)
#endif
            {
                text = text.Replace(form, Mask);
            }
        }

        return text;
    }

    /// <summary>
    /// The key as a JSON string's content: quotes, backslashes and control characters always escaped; with
    /// <paramref name="hexFormat"/>, also what System.Text.Json's default encoder escapes (HTML-sensitive and non-ASCII
    /// characters, as <c>\uXXXX</c>); with <paramref name="escapeSlash"/>, <c>/</c> as <c>\/</c>.
    /// </summary>
    private static string JsonEscaped(string key, string? hexFormat, bool escapeSlash)
    {
        var escaped = new StringBuilder(key.Length * 2);
        foreach (var c in key)
        {
            switch (c)
            {
                case '"':
                    escaped.Append("\\\"");
                    break;
                case '\\':
                    escaped.Append("\\\\");
                    break;
                case '/' when escapeSlash:
                    escaped.Append("\\/");
                    break;
                case < ' ':
                case '+' or '<' or '>' or '&' or '\'' or '`' or > '~' when hexFormat is not null:
                    escaped.Append("\\u").Append(((int)c).ToString(hexFormat ?? "X4", CultureInfo.InvariantCulture));
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }

        return escaped.ToString();
    }
}
