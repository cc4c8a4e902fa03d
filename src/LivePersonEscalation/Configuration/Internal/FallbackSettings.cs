namespace LivePersonEscalation.Internal;

/// <summary>
/// <see cref="EscalationFallbackOptions"/> as the client uses them: the chain by numeric skill id (resolved once
/// through <see cref="EscalationOptions.Skills"/>), and the rules a store applies to each report.
/// </summary>
internal sealed class FallbackSettings
{
    private readonly Dictionary<string, string> _next = new(StringComparer.Ordinal);
    private readonly TransferFailureRules _configured;

    public FallbackSettings(EscalationFallbackOptions options, IDictionary<string, string> skills)
    {
        var ids = new Dictionary<string, string>(skills, StringComparer.OrdinalIgnoreCase);
        foreach (var route in options.Skills)
        {
            if (ids.TryGetValue(route.Key.Trim(), out var from) && ids.TryGetValue(route.Value.Trim(), out var to))
            {
                _next[from] = to;
            }
        }

        MaxTransferFailures = options.MaxTransferFailures;
        Window = options.Window;
        _configured = new TransferFailureRules(MaxTransferFailures, Window, skill => _next.TryGetValue(skill, out var next) ? next : null);
    }

    public int MaxTransferFailures { get; }

    public TimeSpan Window { get; }

    /// <summary>
    /// The rules of a report: every skill falls back to <paramref name="namedFallback"/> when the report names one,
    /// else as configured.
    /// </summary>
    public TransferFailureRules RulesFor(string? namedFallback) =>
        namedFallback is null ? _configured : _configured with { FallbackOf = _ => namedFallback };

    /// <summary>The routes and limits, sorted, for comparing two settings.</summary>
    public string Describe() => $"{MaxTransferFailures},{Window}," + string.Join(",", _next.OrderBy(route => route.Key, StringComparer.Ordinal).Select(route => route.Key + ">" + route.Value));

    /// <summary>The skill tried after a transfer to <paramref name="skillId"/> failed, if one is configured.</summary>
    public bool TryGetFallback(string skillId, out string fallbackSkillId) => _next.TryGetValue(skillId, out fallbackSkillId!);
}
