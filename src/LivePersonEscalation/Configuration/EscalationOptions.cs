
namespace LivePersonEscalation;

/// <summary>
/// Settings of the escalation client, conventionally bound from the configuration section
/// <c>LivePerson:Escalation</c>. They are validated once, at start-up (or when an
/// <see cref="EscalationClient"/> is constructed directly), never on the first call.
/// </summary>
/// <example>
/// <code language="json">
/// {
///   "LivePerson": {
///     "Escalation": {
///       "Region": "Eu",
///       "ApiAccessKey": "(from a secret store or the LivePerson__Escalation__ApiAccessKey variable)",
///       "Timeout": "00:00:15",
///       "Skills": { "billing": "1234567890", "sales": "2345678901" }
///     }
///   }
/// }
/// </code>
/// </example>
public sealed class EscalationOptions
{
    /// <summary>The conventional configuration section: <c>LivePerson:Escalation</c>.</summary>
    public const string SectionName = "LivePerson:Escalation";

    /// <summary>The default per-attempt timeout: 15 seconds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    /// <summary>The shortest per-attempt timeout accepted: 1 second.</summary>
    public static readonly TimeSpan MinTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The longest per-attempt timeout accepted: 5 minutes.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The account's region, which selects the documented escalation endpoint. Defaults to <see cref="LivePersonRegion.Us"/>.
    /// Ignored when <see cref="Endpoint"/> is set.
    /// </summary>
    public LivePersonRegion Region { get; set; } = LivePersonRegion.Us;

    /// <summary>
    /// An explicit escalation endpoint (a local emulator, a proxy) that overrides <see cref="Region"/>.
    /// Must be absolute and use <c>https</c>, except on a loopback host (127.0.0.0/8, ::1, localhost),
    /// so that the API access key never crosses a network in clear text. When its path is empty, the documented
    /// path <see cref="LivePersonEndpoints.EscalationPath"/> is used.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>
    /// The Conversation Builder API access key (Conversation Builder → user profile → API tab), sent as the raw
    /// <c>Authorization</c> header value. Required. Each Conversation Builder user has their own key, and a key only
    /// works in its own region. Surrounding white space is ignored; control and non-ASCII characters are rejected.
    /// The key never appears in <see cref="ToString"/>, logs, traces or exception messages.
    /// </summary>
    public string ApiAccessKey { get; set; } = string.Empty;

    /// <summary>
    /// How long one attempt may take, from sending the request to reading the response. Between 1 second and
    /// 5 minutes (<see cref="MinTimeout"/>, <see cref="MaxTimeout"/>); defaults to <see cref="DefaultTimeout"/>. An attempt that times out after the request was sent
    /// is reported as an unknown outcome and is never re-sent.
    /// </summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>
    /// Friendly skill names mapped to numeric LivePerson skill ids, so callers can escalate by name
    /// (<see cref="EscalationRequest.AgentSkillName"/> without <see cref="EscalationRequest.AgentSkillId"/>).
    /// Names are case-insensitive; every id must be numeric.
    /// </summary>
    public IDictionary<string, string> Skills { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>When an escalation is retried: only when it provably was not accepted, within a time budget.</summary>
    public EscalationRetryOptions Retry { get; set; } = new();

    /// <summary>The guard against escalating the same conversation twice in a short time.</summary>
    public DuplicateGuardOptions DuplicateGuard { get; set; } = new();

    /// <summary>
    /// After LivePerson accepted an escalation and the transfer failed: the skill tried next, and when the library
    /// gives up (see <see cref="IEscalationClient.ReportTransferFailureAsync"/>).
    /// </summary>
    public EscalationFallbackOptions Fallback { get; set; } = new();

    /// <summary>Opt-ins for what traces and logs may contain (conversation id, message text); both off by default.</summary>
    public EscalationTelemetryOptions Telemetry { get; set; } = new();

    /// <summary>Describes the settings with the API access key masked.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString()
    {
        var target = Endpoint is null ? $"Region={Region}" : $"Endpoint={Endpoint}";
        var key = string.IsNullOrWhiteSpace(ApiAccessKey) ? "<not set>" : "***";
        return $"EscalationOptions {{ {target}, ApiAccessKey={key}, Timeout={Timeout}, Retry.MaxAttempts={Retry?.MaxAttempts}, DuplicateGuard.Enabled={DuplicateGuard?.Enabled}, Fallback.Skills=[{(Fallback is null ? string.Empty : string.Join(", ", Fallback.Skills.Select(route => route.Key + "→" + route.Value)))}], Skills=[{string.Join(", ", Skills.Keys)}] }}";
    }
}
