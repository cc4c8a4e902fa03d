using System.Diagnostics.CodeAnalysis;

namespace LivePersonEscalation.Internal;

/// <summary>
/// The account's availability snapshot: the shift of every configured skill and the agents online per skill,
/// refreshed in the background on <see cref="TimeProvider"/> timers (agents every
/// <see cref="SkillAvailabilityOptions.AgentsRefreshInterval"/>, shifts every
/// <see cref="SkillAvailabilityOptions.ShiftRefreshInterval"/>). The first call starts it; callers before the first
/// snapshot share its one fetch, and no call after it waits for LivePerson. One per registration (account).
/// </summary>
[SuppressMessage("Design", "CA1031", Justification = "A refresh that fails for any reason keeps the last good data: it must never fail an escalation.")]
internal sealed partial class SkillAvailabilityMonitor : ISkillAvailability, IAsyncDisposable, IDisposable
{
    /// <summary>How soon a kind of data nothing is known of yet is asked for again after a failure: 30 seconds.</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(30);

    private readonly AvailabilitySettings? _settings;
    private readonly SkillDirectory _skills;
    private readonly AccountApiClient? _api;
    private readonly TimeProvider _time;
    private readonly EscalationTelemetry _telemetry;
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _gate = new();
    private readonly Dictionary<string, string> _tracked;
    private Task? _first;
    private bool _disposed;
    private ITimer? _agentsTimer;
    private ITimer? _shiftTimer;
    private int _agentsBusy;
    private int _shiftBusy;
    private ShiftSnapshot _shift = ShiftSnapshot.Empty;
    private AgentsSnapshot _agents = AgentsSnapshot.Empty;

    public SkillAvailabilityMonitor(AvailabilitySettings? settings, SkillDirectory skills, Func<HttpClient> http, TimeProvider time, EscalationTelemetry telemetry)
    {
        _settings = settings;
        _skills = skills;
        _time = time;
        _telemetry = telemetry;
        _tracked = (settings?.SkillIds ?? []).ToDictionary(id => id, SkillIds.Canonical, StringComparer.Ordinal);
        _api = settings is null ? null : new AccountApiClient(http, settings, time);
    }

    public bool IsEnabled => _settings is not null;

    public async ValueTask<SkillAvailability> GetAsync(string agentSkillId, CancellationToken cancellationToken = default)
    {
        if (!TextRules.IsNumericSkillId(agentSkillId))
        {
            throw new ArgumentException($"'{agentSkillId}' is not a LivePerson skill id: a skill id is numeric (1 to {TextRules.MaxSkillIdLength} ASCII digits).", nameof(agentSkillId));
        }

        if (_settings is null)
        {
            return Unknown(agentSkillId, "availability is not configured (LivePerson:Escalation:Availability:AccountId)");
        }

        if (!_tracked.ContainsKey(agentSkillId))
        {
            return Unknown(agentSkillId, $"skill {agentSkillId} is not in LivePerson:Escalation:Skills, so its availability is not fetched");
        }

        await FirstSnapshotAsync(cancellationToken).ConfigureAwait(false);
        return Answer(agentSkillId, _time.GetUtcNow());
    }

    public async ValueTask<IReadOnlyList<SkillAvailability>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        if (_settings is null)
        {
            return [];
        }

        await FirstSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        return _settings.SkillIds.Select(id => Answer(id, now)).ToArray();
    }

    public async ValueTask<TransferDecision> DecideAsync(EscalationRequest request, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(request);
        var skillId = EscalationRequestValidator.CreateBody(request, _skills).AgentSkillId;
        if (_settings is null)
        {
            return new TransferDecision { Kind = TransferDecisionKind.NotChecked, Request = request };
        }

        using var activity = _telemetry.StartAvailabilityActivity(request.ConversationId);
        var availability = await GetAsync(skillId, cancellationToken).ConfigureAwait(false);
        var decision = availability switch
        {
            { OnShift: false } => new TransferDecision { Kind = TransferDecisionKind.OffShift, Request = request, Availability = availability },
            { OnShift: true, OnlineAgents: > 0 } => new TransferDecision { Kind = TransferDecisionKind.Escalate, Request = request, Availability = availability },
            { OnShift: true, OnlineAgents: 0 } => await NobodyOnlineAsync(request, skillId, availability, cancellationToken).ConfigureAwait(false),
            _ => new TransferDecision { Kind = TransferDecisionKind.EscalateUnknown, Request = request, Availability = availability },
        };
        _telemetry.AvailabilityDecided(activity, skillId, decision);
        return decision;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _agentsTimer?.Dispose();
            _shiftTimer?.Dispose();
        }

        _stopping.Cancel();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }
}
