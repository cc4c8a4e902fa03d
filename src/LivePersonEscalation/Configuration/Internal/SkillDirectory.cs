namespace LivePersonEscalation.Internal;

/// <summary>The configured friendly skill names and their numeric ids (<see cref="EscalationOptions.Skills"/>), case-insensitive.</summary>
internal sealed class SkillDirectory
{
    private readonly Dictionary<string, string> _skills;
    private readonly AccountSection _source;

    public SkillDirectory(IDictionary<string, string> skills, AccountSection? source = null)
    {
        _skills = new Dictionary<string, string>(skills, StringComparer.OrdinalIgnoreCase);
        _source = source ?? AccountSection.Code(Microsoft.Extensions.Options.Options.DefaultName);
        Names = string.Join(", ", _skills.Keys.OrderBy(name => name, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The known names, sorted and comma-separated, for error messages.</summary>
    public string Names { get; }

    /// <summary>The skills' setting as the caller made it: <c>LivePerson:Escalation:Skills</c>, or <c>EscalationOptions.Skills</c>.</summary>
    public string Setting => _source.Setting(nameof(EscalationOptions.Skills));

    /// <summary>How to add <paramref name="name"/>, in the caller's own terms (a configuration key and its variable, or code).</summary>
    public string HowToAdd(string name) => _source.FromConfiguration
        ? $"Add it under {Setting} (environment variable {_source.EnvironmentVariable(nameof(EscalationOptions.Skills))}__{name.Trim()})"
        : $"Add it to {Setting}";

    /// <summary>The names and ids, sorted, for comparing two directories.</summary>
    public string Describe() => string.Join(",", _skills.OrderBy(skill => skill.Key, StringComparer.OrdinalIgnoreCase).Select(skill => skill.Key + "=" + skill.Value));

    /// <summary>Looks up the numeric id of a friendly skill name.</summary>
    public bool TryGetId(string name, out string id) => _skills.TryGetValue(name.Trim(), out id!);
}
