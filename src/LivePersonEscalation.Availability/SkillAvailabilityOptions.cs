namespace LivePersonEscalation;

/// <summary>
/// Where the library reads, before an escalation, whether the skill is on shift and whether agents are online:
/// LivePerson's Shift Status API and the Agent Manager Workspace API, through a snapshot per account refreshed in the
/// background (never one call per escalation). Bound from <c>LivePerson:Escalation:Availability</c>; on when
/// <see cref="AccountId"/> is set. Needs either an app installation (<see cref="ClientId"/> and
/// <see cref="ClientSecret"/>, the OAuth 2.0 client-credentials app token) or a user (<see cref="Username"/> and
/// <see cref="Password"/>, the Login Service), not the Conversation Builder API access key.
/// </summary>
/// <example>
/// <code language="json">
/// "Availability": {
///   "AccountId": "12345678",
///   "ClientId": "…",
///   "ClientSecret": "…",
///   "AgentsRefreshInterval": "00:01:00",
///   "ShiftRefreshInterval": "00:15:00",
///   "WhenNoAgentsOnline": "QueueAnyway"
/// }
/// </code>
/// </example>
public sealed class SkillAvailabilityOptions
{
    /// <summary>The default <see cref="DomainApi"/>: <c>https://api.liveperson.net</c>, LivePerson's Domain API for every region.</summary>
    public static readonly Uri DefaultDomainApi = new("https://api.liveperson.net");

    /// <summary>The default <see cref="AgentsRefreshInterval"/>: 1 minute.</summary>
    public static readonly TimeSpan DefaultAgentsRefreshInterval = TimeSpan.FromMinutes(1);

    /// <summary>The default <see cref="ShiftRefreshInterval"/>: 15 minutes, as LivePerson's own samples refresh.</summary>
    public static readonly TimeSpan DefaultShiftRefreshInterval = TimeSpan.FromMinutes(15);

    /// <summary>The shortest refresh interval accepted: 1 second.</summary>
    public static readonly TimeSpan MinRefreshInterval = TimeSpan.FromSeconds(1);

    /// <summary>The longest refresh interval accepted: 1 hour.</summary>
    public static readonly TimeSpan MaxRefreshInterval = TimeSpan.FromHours(1);

    /// <summary>The default <see cref="Timeout"/>: 10 seconds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How many refresh intervals the last good data of a kind (shift, agents) is used when refreshing it fails: 3.
    /// Older than that, the answer is unknown.
    /// </summary>
    public const int StaleAfterIntervals = 3;

    /// <summary>The default <see cref="ShiftStatusService"/>: <c>shiftstatus</c>.</summary>
    public const string DefaultShiftStatusService = "shiftstatus";

    /// <summary>The default <see cref="AgentManagerWorkspaceService"/>: <c>agentManagerWorkspace</c>.</summary>
    public const string DefaultAgentManagerWorkspaceService = "agentManagerWorkspace";

    /// <summary>The default <see cref="AppTokenService"/>: <c>sentinel</c>.</summary>
    public const string DefaultAppTokenService = "sentinel";

    /// <summary>The default <see cref="LoginService"/>: <c>agentVep</c>.</summary>
    public const string DefaultLoginService = "agentVep";

    /// <summary>The default Domain API service name of the data reporting APIs (Messaging Current Queue Health): <c>leDataReporting</c>.</summary>
    public const string DefaultDataReportingService = "leDataReporting";

    /// <summary>The LivePerson account (site) id, e.g. <c>12345678</c>. Availability is checked only when it is set.</summary>
    public string AccountId { get; set; } = string.Empty;

    /// <summary>The app installation's client id (OAuth 2.0 client credentials); set with <see cref="ClientSecret"/>, or use <see cref="Username"/> and <see cref="Password"/>.</summary>
    public string? ClientId { get; set; }

    /// <summary>The app installation's client secret. Never logged, never in <see cref="ToString"/>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The login name of a LivePerson user for the Login Service; set with <see cref="Password"/>, or use <see cref="ClientId"/> and <see cref="ClientSecret"/>.</summary>
    public string? Username { get; set; }

    /// <summary>The user's password. Never logged, never in <see cref="ToString"/>.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// LivePerson's Domain API, which names each API's host for the account. https only; an http URL on a loopback
    /// host (a local emulator) makes the hosts it names reached over http too. Defaults to <see cref="DefaultDomainApi"/>.
    /// </summary>
    public Uri DomainApi { get; set; } = DefaultDomainApi;

    /// <summary>The Domain API service name of the Shift Status API; case sensitive. Defaults to <see cref="DefaultShiftStatusService"/>.</summary>
    public string ShiftStatusService { get; set; } = DefaultShiftStatusService;

    /// <summary>The Domain API service name of the Agent Manager Workspace API; case sensitive. Defaults to <see cref="DefaultAgentManagerWorkspaceService"/>.</summary>
    public string AgentManagerWorkspaceService { get; set; } = DefaultAgentManagerWorkspaceService;

    /// <summary>The Domain API service name of the app token (Sentinel); case sensitive. Defaults to <see cref="DefaultAppTokenService"/>.</summary>
    public string AppTokenService { get; set; } = DefaultAppTokenService;

    /// <summary>The Domain API service name of the Login Service; case sensitive. Defaults to <see cref="DefaultLoginService"/>.</summary>
    public string LoginService { get; set; } = DefaultLoginService;

    /// <summary>The Domain API service name of the data reporting APIs (queue health); case sensitive. Defaults to <see cref="DefaultDataReportingService"/>.</summary>
    public string DataReportingService { get; set; } = DefaultDataReportingService;

    /// <summary>
    /// The expected wait per skill, from LivePerson's Messaging Current Queue Health; off by default, as the data flow
    /// is off on an account until LivePerson's account team enables it.
    /// </summary>
    public QueueHealthOptions QueueHealth { get; set; } = new();

    /// <summary>How often the agents online per skill are fetched (one call for all skills): 1 second to 1 hour, default 1 minute.</summary>
    public TimeSpan AgentsRefreshInterval { get; set; } = DefaultAgentsRefreshInterval;

    /// <summary>
    /// How often each configured skill's shift status is fetched (one call per skill): 1 second to 1 hour, default
    /// 15 minutes. Between refreshes the shift opens and closes on time by itself, from LivePerson's <c>nextOn</c> and <c>nextOff</c>.
    /// </summary>
    public TimeSpan ShiftRefreshInterval { get; set; } = DefaultShiftRefreshInterval;

    /// <summary>How long one call to a LivePerson API may take: 1 second to 1 minute, default 10 seconds.</summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>What to do when the skill is on shift and nobody is online, and no fallback skill has agents: queue anyway (the default), or send nothing and tell the user.</summary>
    public NoAgentsOnlineHandling WhenNoAgentsOnline { get; set; } = NoAgentsOnlineHandling.QueueAnyway;

    /// <summary>True when <see cref="AccountId"/> is set: escalations check availability first.</summary>
    public bool IsEnabled => !string.IsNullOrWhiteSpace(AccountId);

    /// <summary>The settings without the secrets, for logs.</summary>
    /// <returns>The account, the credential kind and the intervals; never a secret.</returns>
    public override string ToString()
    {
        var credentials = !string.IsNullOrWhiteSpace(ClientId) ? "app token (ClientId set, ClientSecret " + (string.IsNullOrEmpty(ClientSecret) ? "missing" : "set") + ")"
            : !string.IsNullOrWhiteSpace(Username) ? "login (Username set, Password " + (string.IsNullOrEmpty(Password) ? "missing" : "set") + ")"
            : "none";
        return $"SkillAvailabilityOptions {{ AccountId={AccountId}, Credentials={credentials}, DomainApi={DomainApi}, AgentsRefreshInterval={AgentsRefreshInterval}, ShiftRefreshInterval={ShiftRefreshInterval}, Timeout={Timeout}, WhenNoAgentsOnline={WhenNoAgentsOnline} }}";
    }
}
