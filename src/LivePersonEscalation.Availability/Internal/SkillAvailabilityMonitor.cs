using System.Diagnostics.CodeAnalysis;

namespace LivePersonEscalation.Availability.Internal;

/// <summary>
/// The account's availability snapshot: the shift of every configured skill and the agents online per skill,
/// refreshed in the background on <see cref="TimeProvider"/> timers (agents every
/// <see cref="SkillAvailabilityOptions.AgentsRefreshInterval"/>, shifts every
/// <see cref="SkillAvailabilityOptions.ShiftRefreshInterval"/>). The first call starts it; callers before the first
/// snapshot share its one fetch, and no call after it waits for LivePerson. One per registration (account).
/// </summary>
[SuppressMessage("Design", "CA1031", Justification = "A refresh that fails for any reason keeps the last good data: it must never fail an escalation.")]
internal sealed partial class SkillAvailabilityMonitor : ISkillAvailabilitySnapshot, IAsyncDisposable, IDisposable
{
    /// <summary>How soon a kind of data nothing is known of yet is asked for again after a failure: 30 seconds.</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(30);

    private readonly AvailabilitySettings? _settings;
    private readonly AccountApiClient? _api;
    private readonly TimeProvider _time;
    private readonly AvailabilityTelemetry _telemetry;
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

    public SkillAvailabilityMonitor(AvailabilitySettings? settings, Func<HttpClient> http, TimeProvider time, AvailabilityTelemetry telemetry)
    {
        _settings = settings;
        _time = time;
        _telemetry = telemetry;
        _tracked = (settings?.SkillIds ?? []).ToDictionary(id => id, SkillIds.Canonical, StringComparer.Ordinal);
        _api = settings is null ? null : new AccountApiClient(http, settings, time);
    }

    public bool IsEnabled => _settings is not null;

    public async ValueTask<SkillAvailability> GetAsync(string agentSkillId, CancellationToken cancellationToken = default)
    {
        if (!AccountText.IsNumericSkillId(agentSkillId))
        {
            throw new ArgumentException($"'{agentSkillId}' is not a LivePerson skill id: a skill id is numeric (1 to {AccountText.MaxSkillIdLength} ASCII digits).", nameof(agentSkillId));
        }

        if (_settings is null)
        {
            return Unknown(agentSkillId, "availability is not configured (Availability:AccountId)");
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
        ArgumentNullException.ThrowIfNull(request);
        if (_settings is null)
        {
            return new TransferDecision { Kind = TransferDecisionKind.NotChecked, Request = request };
        }

        var skillId = SkillIdOf(request);
        var availability = await GetAsync(skillId, cancellationToken).ConfigureAwait(false);
        var decision = availability switch
        {
            { OnShift: false } => new TransferDecision { Kind = TransferDecisionKind.OffShift, Request = request, OpensAt = availability.NextOn, Reason = availability.ToString() },
            { OnShift: true, OnlineAgents: > 0 } => await ShorterWaitAsync(request, skillId, availability, cancellationToken).ConfigureAwait(false)
                ?? new TransferDecision { Kind = TransferDecisionKind.Escalate, Request = request, ExpectedWait = availability.ExpectedWait, Reason = availability.ToString() },
            { OnShift: true, OnlineAgents: 0 } => await NobodyOnlineAsync(request, skillId, availability, cancellationToken).ConfigureAwait(false),
            _ => new TransferDecision { Kind = TransferDecisionKind.EscalateUnknown, Request = request, ExpectedWait = availability.ExpectedWait, Reason = availability.UnknownReason ?? availability.ToString() },
        };

        // A decision to send, to a skill whose wait is longer than the user should be held to without asking: ask.
        return decision.ShouldEscalate && decision.ExpectedWait > _settings.AskUserAbove
            ? new TransferDecision
            {
                Kind = TransferDecisionKind.LongWait,
                Request = decision.Request,
                ExpectedWait = decision.ExpectedWait,
                RequestedSkillWait = decision.RequestedSkillWait,
                Reason = $"{decision.Reason}; the wait is longer than {_settings.AskUserAbove} (Availability:QueueHealth:AskUserAbove): the user chooses",
            }
            : decision;
    }

    /// <summary>
    /// The fallback for wait: when the skill's wait is longer than <see cref="AvailabilitySettings.FallbackWhenWaitLongerThan"/>
    /// and its fallback, on shift with agents online, has a known, shorter one; null otherwise.
    /// </summary>
    private async Task<TransferDecision?> ShorterWaitAsync(EscalationRequest request, string skillId, SkillAvailability availability, CancellationToken cancellationToken)
    {
        if (_settings!.FallbackWhenWaitLongerThan is not { } longer || availability.ExpectedWait is not { } wait || wait <= longer
            || !_settings.TryGetFallback(skillId, out var fallback))
        {
            return null;
        }

        var candidate = await GetAsync(fallback, cancellationToken).ConfigureAwait(false);
        return candidate is { OnShift: true, OnlineAgents: > 0, ExpectedWait: { } shorter } && shorter < wait
            ? new TransferDecision
            {
                Kind = TransferDecisionKind.EscalateToFallbackForWait,
                Request = request with { AgentSkillId = fallback, AgentSkillName = null },
                ExpectedWait = shorter,
                RequestedSkillWait = wait,
                Reason = $"{availability}; fallback {candidate}",
            }
            : null;
    }

    private string SkillIdOf(EscalationRequest request)
    {
        if (!string.IsNullOrWhiteSpace(request.AgentSkillId))
        {
            return request.AgentSkillId!.Trim();
        }

        if (!string.IsNullOrWhiteSpace(request.AgentSkillName) && _settings!.TryGetSkillId(request.AgentSkillName!, out var id))
        {
            return id;
        }

        throw new ArgumentException(
            string.IsNullOrWhiteSpace(request.AgentSkillName)
                ? "The request names no skill: set AgentSkillId (numeric) or AgentSkillName (a name of LivePerson:Escalation:Skills)."
                : $"Skill name '{request.AgentSkillName}' is not in LivePerson:Escalation:Skills, so its availability is not known; set AgentSkillId, or add the name there.",
            nameof(request));
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
            _queueTimer?.Dispose();
        }

        _stopping.Cancel();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }
}
