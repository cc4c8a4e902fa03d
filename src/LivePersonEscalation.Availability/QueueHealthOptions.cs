namespace LivePersonEscalation;

/// <summary>
/// The expected wait for an agent per skill, from LivePerson's Messaging Current Queue Health, kept in the
/// availability snapshot (<see cref="SkillAvailability.ExpectedWait"/>): one request per refresh for every configured
/// skill, in the background; no escalation waits for it or causes it. Bound from
/// <c>LivePerson:Escalation:Availability:QueueHealth</c>.
/// </summary>
public sealed class QueueHealthOptions
{
    /// <summary>The default <see cref="RefreshInterval"/>: 1 minute.</summary>
    public static readonly TimeSpan DefaultRefreshInterval = TimeSpan.FromMinutes(1);

    /// <summary>The shortest <see cref="RefreshInterval"/> accepted: 10 seconds (LivePerson answers 429 when called too often).</summary>
    public static readonly TimeSpan MinRefreshInterval = TimeSpan.FromSeconds(10);

    /// <summary>The longest <see cref="RefreshInterval"/> accepted: 1 hour.</summary>
    public static readonly TimeSpan MaxRefreshInterval = TimeSpan.FromHours(1);

    /// <summary>
    /// Whether the wait is fetched. False by default: LivePerson's data flow for it is off on an account until its
    /// account team enables it (a 401, 403 or 404 then says so once in the log and in the health check).
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>How often the wait is fetched, 10 seconds to 1 hour (1 minute by default); a 429 waits as its <c>Retry-After</c> says.</summary>
    public TimeSpan RefreshInterval { get; set; } = DefaultRefreshInterval;

    /// <summary>
    /// When the expected wait of the skill an escalation would go to (after any fallback for wait) is longer than this,
    /// nothing is sent yet: the decision is <see cref="TransferDecisionKind.LongWait"/>, with the wait to show the
    /// user, and a request the user confirms (<see cref="AgentHandoffRequest.AcceptWait"/>) is sent. Null (the
    /// default): off.
    /// </summary>
    public TimeSpan? AskUserAbove { get; set; }
}
