namespace LivePersonEscalation.Internal;

/// <summary>The configured friendly skill names and their numeric ids (<see cref="EscalationOptions.Skills"/>), case-insensitive.</summary>
internal sealed class SkillDirectory
{
    private readonly Dictionary<string, string> _skills;

    public SkillDirectory(IDictionary<string, string> skills)
    {
        _skills = new Dictionary<string, string>(skills, StringComparer.OrdinalIgnoreCase);
        Names = string.Join(", ", _skills.Keys.OrderBy(name => name, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The known names, sorted and comma-separated, for error messages.</summary>
    public string Names { get; }

    /// <summary>Looks up the numeric id of a friendly skill name.</summary>
    public bool TryGetId(string name, out string id) => _skills.TryGetValue(name.Trim(), out id!);
}
