namespace LivePersonEscalation.Availability.Internal;

/// <summary>
/// One account's validated availability settings, trimmed, with the skills to follow and their fallbacks, read from
/// the account's <see cref="EscalationOptions"/> (<see cref="EscalationOptions.Skills"/>,
/// <see cref="EscalationFallbackOptions.Skills"/>).
/// </summary>
internal sealed class AvailabilitySettings
{
    private readonly Dictionary<string, string> _idsByName;
    private readonly Dictionary<string, string> _fallbacks = new(StringComparer.Ordinal);

    public AvailabilitySettings(SkillAvailabilityOptions options, EscalationOptions escalation)
    {
        AccountId = options.AccountId.Trim();
        UsesAppToken = !string.IsNullOrWhiteSpace(options.ClientId);
        ClientId = options.ClientId?.Trim() ?? string.Empty;
        ClientSecret = options.ClientSecret?.Trim() ?? string.Empty;
        Username = options.Username?.Trim() ?? string.Empty;
        Password = options.Password ?? string.Empty;
        DomainApi = options.DomainApi;
        ShiftStatusService = options.ShiftStatusService.Trim();
        AgentManagerWorkspaceService = options.AgentManagerWorkspaceService.Trim();
        AppTokenService = options.AppTokenService.Trim();
        LoginService = options.LoginService.Trim();
        AgentsRefreshInterval = options.AgentsRefreshInterval;
        ShiftRefreshInterval = options.ShiftRefreshInterval;
        Timeout = options.Timeout;
        WhenNoAgentsOnline = options.WhenNoAgentsOnline;
        DataReportingService = options.DataReportingService.Trim();
        QueueHealthEnabled = options.QueueHealth.Enabled;
        QueueHealthRefreshInterval = options.QueueHealth.RefreshInterval;
        AskUserAbove = options.QueueHealth.AskUserAbove;
        FallbackWhenWaitLongerThan = escalation.Fallback.WhenWaitLongerThan;

        _idsByName = escalation.Skills.ToDictionary(skill => skill.Key.Trim(), skill => skill.Value.Trim(), StringComparer.OrdinalIgnoreCase);
        SkillIds = _idsByName.Values.Distinct(StringComparer.Ordinal).OrderBy(id => id, StringComparer.Ordinal).ToArray();
        foreach (var route in escalation.Fallback.Skills)
        {
            if (_idsByName.TryGetValue(route.Key.Trim(), out var from) && _idsByName.TryGetValue(route.Value.Trim(), out var to))
            {
                _fallbacks[from] = to;
            }
        }
    }

    public string AccountId { get; }

    public bool UsesAppToken { get; }

    public string ClientId { get; }

    public string ClientSecret { get; }

    public string Username { get; }

    public string Password { get; }

    public Uri DomainApi { get; }

    public string Scheme => DomainApi.Scheme;

    public string ShiftStatusService { get; }

    public string AgentManagerWorkspaceService { get; }

    public string AppTokenService { get; }

    public string LoginService { get; }

    public TimeSpan AgentsRefreshInterval { get; }

    public TimeSpan ShiftRefreshInterval { get; }

    public TimeSpan Timeout { get; }

    public NoAgentsOnlineHandling WhenNoAgentsOnline { get; }

    public string DataReportingService { get; }

    public bool QueueHealthEnabled { get; }

    public TimeSpan QueueHealthRefreshInterval { get; }

    /// <summary>A wait longer than this is the user's choice (<see cref="QueueHealthOptions.AskUserAbove"/>); null: off.</summary>
    public TimeSpan? AskUserAbove { get; }

    /// <summary>A wait longer than this sends to the fallback with a shorter one (<see cref="EscalationFallbackOptions.WhenWaitLongerThan"/>); null: off.</summary>
    public TimeSpan? FallbackWhenWaitLongerThan { get; }

    /// <summary>The skill ids of <see cref="EscalationOptions.Skills"/>, distinct and ordered: the skills followed.</summary>
    public IReadOnlyList<string> SkillIds { get; }

    /// <summary>How long data is used after it was fetched: <see cref="SkillAvailabilityOptions.StaleAfterIntervals"/> intervals and the timeout.</summary>
    public TimeSpan StaleAfter(TimeSpan interval) => TimeSpan.FromTicks(interval.Ticks * SkillAvailabilityOptions.StaleAfterIntervals) + Timeout;

    /// <summary>The skill a conversation of <paramref name="skillId"/> falls back to (<see cref="EscalationFallbackOptions.Skills"/>).</summary>
    public bool TryGetFallback(string skillId, out string fallbackSkillId) => _fallbacks.TryGetValue(skillId, out fallbackSkillId!);

    /// <summary>The id of a skill given by name in <see cref="EscalationOptions.Skills"/>.</summary>
    public bool TryGetSkillId(string name, out string skillId) => _idsByName.TryGetValue(name.Trim(), out skillId!);
}
