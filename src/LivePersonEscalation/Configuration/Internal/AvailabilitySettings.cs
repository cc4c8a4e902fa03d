namespace LivePersonEscalation.Internal;

/// <summary>
/// <see cref="SkillAvailabilityOptions"/> as the snapshot uses them, validated and taken once: the account, the
/// credentials, the Domain API, the service names, the intervals, and the skills to watch (every id of
/// <see cref="EscalationOptions.Skills"/>) with their fallbacks.
/// </summary>
internal sealed class AvailabilitySettings
{
    public AvailabilitySettings(SkillAvailabilityOptions options, IDictionary<string, string> skills, FallbackSettings fallback)
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
        SkillIds = skills.Values.Select(id => id.Trim()).Distinct(StringComparer.Ordinal).OrderBy(id => id, StringComparer.Ordinal).ToArray();
        Fallback = fallback;
    }

    public string AccountId { get; }

    /// <summary>True for the OAuth 2.0 client-credentials app token; false for the Login Service.</summary>
    public bool UsesAppToken { get; }

    public string ClientId { get; }

    public string ClientSecret { get; }

    public string Username { get; }

    public string Password { get; }

    public Uri DomainApi { get; }

    /// <summary>The scheme every API host is reached with: https, or http behind a loopback emulator's Domain API.</summary>
    public string Scheme => DomainApi.Scheme;

    public string ShiftStatusService { get; }

    public string AgentManagerWorkspaceService { get; }

    public string AppTokenService { get; }

    public string LoginService { get; }

    public TimeSpan AgentsRefreshInterval { get; }

    public TimeSpan ShiftRefreshInterval { get; }

    public TimeSpan Timeout { get; }

    public NoAgentsOnlineHandling WhenNoAgentsOnline { get; }

    /// <summary>The skills whose availability is fetched, ordered.</summary>
    public IReadOnlyList<string> SkillIds { get; }

    public FallbackSettings Fallback { get; }

    /// <summary>Data of one kind older than this is no longer used.</summary>
    public TimeSpan StaleAfter(TimeSpan interval) => TimeSpan.FromTicks(interval.Ticks * SkillAvailabilityOptions.StaleAfterIntervals) + Timeout;
}
