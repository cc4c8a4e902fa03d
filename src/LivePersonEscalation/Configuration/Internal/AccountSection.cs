namespace LivePersonEscalation.Internal;

/// <summary>
/// Where a registration's settings come from: its options name (the account) and, when bound from configuration,
/// the section's path. Validation messages name both, and the environment variable that really sets a setting.
/// </summary>
internal sealed record AccountSection(string Name, string? Path)
{
    private const string DefaultPath = EscalationOptions.SectionName;

    /// <summary>
    /// A failure as this account's reader needs it: prefixed with the account and its path, and the default section's
    /// environment variables replaced by this section's.
    /// </summary>
    public string Explain(string failure)
    {
        var named = Name != Microsoft.Extensions.Options.Options.DefaultName;
        if (Path is { } path && path != DefaultPath)
        {
            failure = failure.Replace(EnvironmentVariableOf(DefaultPath), EnvironmentVariableOf(path));
            if (!IsShellName(EnvironmentVariableOf(path)))
            {
                failure += $" ({EnvironmentVariableOf(path)}… has a character a shell variable name cannot hold: set it with env, e.g. env '{EnvironmentVariableOf(path)}ApiAccessKey=…' dotnet run.)";
            }
        }

        return !named ? failure
            : Path is { } at ? $"Account '{Name}' ({at}): {failure}"
            : $"Account '{Name}': {failure}";
    }

    private static string EnvironmentVariableOf(string path) => path.Replace(":", "__") + "__";

    private static bool IsShellName(string name) =>
        name.Length > 0 && !char.IsDigit(name[0]) && name.All(static c => c is '_' or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9'));
}
