using System.Collections.Concurrent;

namespace LivePersonEscalation.Availability.Internal;

/// <summary>
/// The HTTP calls to LivePerson's account APIs: the Domain API (each service's host, cached for hours), the token
/// (the OAuth 2.0 app token or the Login Service's bearer, cached until shortly before it expires, fetched again once
/// on a 401), the shift status and the skill availabilities. Every call is bounded by
/// <see cref="SkillAvailabilityOptions.Timeout"/> and fails with an <see cref="AccountApiException"/> naming the API.
/// </summary>
internal sealed partial class AccountApiClient
{
    /// <summary>How long a host from the Domain API is used before it is asked again; the last known host stays in use while it cannot be.</summary>
    public static readonly TimeSpan DomainLifetime = TimeSpan.FromHours(6);

    /// <summary>The lifetime assumed for a token whose answer names none.</summary>
    public static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromMinutes(10);

    private const int MaxBodyBytes = 1024 * 1024;

    private readonly Func<HttpClient> _http;
    private readonly AvailabilitySettings _settings;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, SharedFetch<Uri>> _hosts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Uri> _lastKnownHosts = new(StringComparer.Ordinal);
    private readonly SharedFetch<string> _token;

    public AccountApiClient(Func<HttpClient> http, AvailabilitySettings settings, TimeProvider time)
    {
        _http = http;
        _settings = settings;
        _time = time;
        _token = new SharedFetch<string>(time);
    }

    /// <summary>Every skill's shift status in one call: the account-level method, for a user's bearer (Login Service).</summary>
    public async Task<IReadOnlyDictionary<string, ShiftStatusAnswer>> GetAccountShiftsAsync(CancellationToken cancellationToken)
    {
        var account = Uri.EscapeDataString(_settings.AccountId);
        var all = await SendAsync(
            _settings.ShiftStatusService,
            "Shift Status API",
            host => new HttpRequestMessage(HttpMethod.Get, new Uri(host, $"api/account/{account}/shift-status")),
            AccountApiJsonContext.Default.ListAccountShiftStatus,
            authorized: true,
            cancellationToken).ConfigureAwait(false);
        var bySkill = new Dictionary<string, ShiftStatusAnswer>(StringComparer.Ordinal);
        foreach (var entry in all)
        {
            if (entry.SkillId is { } id)
            {
                bySkill[SkillIds.Canonical(id)] = entry;
            }
        }

        return bySkill;
    }

    /// <summary>One skill's shift status: the skill-level method, for an app token.</summary>
    public Task<ShiftStatusAnswer> GetSkillShiftAsync(string skillId, CancellationToken cancellationToken)
    {
        var account = Uri.EscapeDataString(_settings.AccountId);
        return SendAsync(
            _settings.ShiftStatusService,
            "Shift Status API",
            host => new HttpRequestMessage(HttpMethod.Get, new Uri(host, $"api/account/{account}/skills/{Uri.EscapeDataString(skillId)}/shift-status-skill")),
            AccountApiJsonContext.Default.ShiftStatusAnswer,
            authorized: true,
            cancellationToken);
    }

    /// <summary>The agents online, back soon and away per skill (human agents only); skills not listed have none.</summary>
    /// <summary>Messaging Current Queue Health of <paramref name="skillIds"/>, in one request: each listed skill's metrics, by canonical id.</summary>
    public async Task<IReadOnlyDictionary<string, QueueMetrics>> GetQueueHealthAsync(IReadOnlyList<string> skillIds, CancellationToken cancellationToken)
    {
        var account = Uri.EscapeDataString(_settings.AccountId);
        var skills = Uri.EscapeDataString(string.Join(",", skillIds));
        var answer = await SendAsync(
            _settings.DataReportingService,
            "Messaging Current Queue Health API",
            host => new HttpRequestMessage(HttpMethod.Get, new Uri(host, $"operations/api/account/{account}/msgqueuehealth/current/?skillIds={skills}&v=1")),
            AccountApiJsonContext.Default.QueueHealthAnswer,
            authorized: true,
            cancellationToken,
            // A 401 here most often means the feed is not enabled on the account, not a stale token: the shared token
            // (the other APIs took it a moment ago) is kept, and no login is spent per refresh.
            renewTokenOn401: false).ConfigureAwait(false);
        var bySkill = new Dictionary<string, QueueMetrics>(StringComparer.Ordinal);
        foreach (var (id, metrics) in answer.SkillsMetrics ?? [])
        {
            bySkill[SkillIds.Canonical(id)] = metrics;
        }

        return bySkill;
    }

    public async Task<IReadOnlyDictionary<string, SkillAgents>> GetAgentsAsync(CancellationToken cancellationToken)
    {
        var account = Uri.EscapeDataString(_settings.AccountId);
        var answer = await SendAsync(
            _settings.AgentManagerWorkspaceService,
            "Agent Manager Workspace API",
            host => new HttpRequestMessage(HttpMethod.Post, new Uri(host, $"manager_workspace/api/account/{account}/skill/availability"))
            {
                Content = JsonContent(new AgentsRequest(), AccountApiJsonContext.Default.AgentsRequest),
            },
            AccountApiJsonContext.Default.AgentsAnswer,
            authorized: true,
            cancellationToken).ConfigureAwait(false);
        var bySkill = new Dictionary<string, SkillAgents>(StringComparer.Ordinal);
        foreach (var skill in answer.SkillAvailabilities ?? [])
        {
            if (skill.SkillId is { } id)
            {
                bySkill[SkillIds.Canonical(id)] = skill;
            }
        }

        return bySkill;
    }
}
