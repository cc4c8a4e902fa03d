using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace LivePersonEscalation.Internal;

/// <summary>
/// Where an account's settings come from, so that every error names what the caller actually used: the key and its
/// environment variable when they are bound from configuration (<paramref name="Configuration"/>, at
/// <paramref name="Path"/>), the property when they are set in code, and the account when it has a name.
/// </summary>
internal sealed record AccountSection(string Name, string? Path, IConfiguration? Configuration = null)
{
    // The setting a failure starts with: "Retry:MaxAttempts is 0, …", "ApiAccessKey: required. …", "Endpoint '…' must
    // …", "Skills:billing team is 'abc', …". A key's last part may hold spaces, dots or any letter (a skill's name), so
    // the key ends where the validators' wording goes on: the shortest key followed by one of these.
    private static readonly Regex LeadingKeyPattern = new(
        @"^(?<key>(?<top>[A-Z][A-Za-z]*)(?::[^:]+?)*?)(?=(?: is | and | names | must | contains | uses | has | ')|: |, |$)",
        RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    private static readonly HashSet<string> Settings = new(StringComparer.Ordinal)
    {
        nameof(EscalationOptions.Region), nameof(EscalationOptions.Endpoint), nameof(EscalationOptions.ApiAccessKey),
        nameof(EscalationOptions.Timeout), nameof(EscalationOptions.Skills), nameof(EscalationOptions.Retry),
        nameof(EscalationOptions.DuplicateGuard), nameof(EscalationOptions.Fallback), nameof(EscalationOptions.Telemetry),
    };

    /// <summary>Options made in code, for the default registration or a client built with <c>new EscalationClient(options)</c>.</summary>
    public static AccountSection Code(string name) => new(name, Path: null);

    /// <summary>True when the settings are bound from configuration (a path, or a configuration root).</summary>
    public bool FromConfiguration => Path is not null || Configuration is not null;

    /// <summary>How a setting is named to this caller: <c>LivePerson:Escalation:Retry:MaxAttempts</c>, or <c>EscalationOptions.Retry.MaxAttempts</c>.</summary>
    public string Setting(string key) => FromConfiguration
        ? (string.IsNullOrEmpty(Path) ? key : Path + ":" + key)
        : nameof(EscalationOptions) + "." + key.Replace(':', '.');

    /// <summary>The environment variable of a configuration key: <c>LivePerson__Escalation__Retry__MaxAttempts</c>.</summary>
    public string EnvironmentVariable(string key) => (string.IsNullOrEmpty(Path) ? key : Path + ":" + key).Replace(":", "__");

    /// <summary>A validation failure, which starts with the setting's key, as this caller names it, with the account.</summary>
    public string Explain(string failure)
    {
        var leading = LeadingKey().Match(failure);
        if (leading.Success && Settings.Contains(leading.Groups["top"].Value))
        {
            var key = leading.Groups["key"].Value;
            #if NET
            failure = string.Concat(Setting(key), failure.AsSpan(key.Length));
#else
            failure = Setting(key) + failure.Substring(key.Length);
#endif
            if (FromConfiguration)
            {
                var variable = EnvironmentVariable(key);
                failure += IsShellName(variable)
                    ? $" (environment variable {variable})"
                    : $" ({variable} has a character a shell variable name cannot hold: set it with env, e.g. env '{variable}=…' dotnet run.)";
            }
        }

        return ForAccount(failure);
    }

    /// <summary>A message as this account's: prefixed with the account when it has a name.</summary>
    public string ForAccount(string message)
    {
        var named = Name != Microsoft.Extensions.Options.Options.DefaultName;
        return !named ? message
            : Path is { } at ? $"Account '{Name}' ({at}): {message}"
            : $"Account '{Name}': {message}";
    }

    private static bool IsShellName(string name) =>
        name.Length > 0 && !char.IsDigit(name[0]) && name.All(static c => c is '_' or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9'));

    private static Regex LeadingKey() => LeadingKeyPattern;
}
