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
internal sealed class SkillAvailabilityMonitor : ISkillAvailability, IAsyncDisposable, IDisposable
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

    private static SkillAvailability Unknown(string skillId, string reason) => new() { SkillId = skillId, UnknownReason = reason };

    /// <summary>The skill's fallbacks in order (<see cref="EscalationFallbackOptions.Skills"/>): the first on shift with agents online takes the conversation.</summary>
    private async Task<TransferDecision> NobodyOnlineAsync(EscalationRequest request, string skillId, SkillAvailability availability, CancellationToken cancellationToken)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal) { skillId };
        for (var next = skillId; _settings!.Fallback.TryGetFallback(next, out var fallback) && visited.Add(fallback); next = fallback)
        {
            var candidate = await GetAsync(fallback, cancellationToken).ConfigureAwait(false);
            if (candidate is { OnShift: true, OnlineAgents: > 0 })
            {
                return new TransferDecision
                {
                    Kind = TransferDecisionKind.EscalateToFallback,
                    Request = request with { AgentSkillId = fallback, AgentSkillName = null },
                    Availability = availability,
                    FallbackAvailability = candidate,
                };
            }
        }

        return new TransferDecision
        {
            Kind = _settings.WhenNoAgentsOnline == NoAgentsOnlineHandling.TellUser ? TransferDecisionKind.NoAgentsOnline : TransferDecisionKind.EscalateWithNoAgentsOnline,
            Request = request,
            Availability = availability,
        };
    }

    /// <summary>Starts the snapshot on the first call; until the first fetch ends, waits for it at most <see cref="SkillAvailabilityOptions.Timeout"/>.</summary>
    private async ValueTask FirstSnapshotAsync(CancellationToken cancellationToken)
    {
        Task first;
        lock (_gate)
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(ISkillAvailability), "The skill availability was disposed with its service provider.");
            }

            if (_first is null)
            {
                _first = Task.Run(() => Task.WhenAll(RefreshShiftAsync(), RefreshAgentsAsync()), CancellationToken.None);
                _agentsTimer = _time.CreateTimer(static state => _ = ((SkillAvailabilityMonitor)state!).RefreshAgentsAsync(), this, _settings!.AgentsRefreshInterval, _settings.AgentsRefreshInterval);
                _shiftTimer = _time.CreateTimer(static state => _ = ((SkillAvailabilityMonitor)state!).RefreshShiftAsync(), this, _settings.ShiftRefreshInterval, _settings.ShiftRefreshInterval);
            }

            first = _first;
        }

        if (first.IsCompleted)
        {
            return;
        }

        try
        {
            await first.WaitAsync(_settings!.Timeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Still fetching: this answer is unknown ("not fetched yet"); the fetch goes on in the background.
        }
    }

    private SkillAvailability Answer(string skillId, DateTimeOffset now)
    {
        var settings = _settings!;
        var shift = _shift;
        var agents = _agents;
        var reasons = new List<string>(2);

        ShiftState? state = null;
        if (shift.Skills.TryGetValue(skillId, out var known))
        {
            var bound = settings.StaleAfter(settings.ShiftRefreshInterval);
            if (now - known.FetchedAt <= bound)
            {
                state = known.At(now);
            }
            else
            {
                reasons.Add($"the shift status is {(long)(now - known.FetchedAt).TotalSeconds} s old, older than the {(long)bound.TotalSeconds} s it is used for" + (shift.Errors.TryGetValue(skillId, out var why) ? $"; {why}" : string.Empty));
            }
        }
        else
        {
            reasons.Add(shift.Errors.TryGetValue(skillId, out var why) ? $"the shift status is unknown: {why}" : "the shift status is not fetched yet");
        }

        SkillAgents? counts = null;
        if (agents.Skills is { } bySkill && agents.FetchedAt is { } fetched)
        {
            var bound = settings.StaleAfter(settings.AgentsRefreshInterval);
            if (now - fetched <= bound)
            {
                counts = bySkill.TryGetValue(_tracked[skillId], out var listed) ? listed : new SkillAgents();
            }
            else
            {
                reasons.Add($"the agent counts are {(long)(now - fetched).TotalSeconds} s old, older than the {(long)bound.TotalSeconds} s they are used for" + (agents.Error is { } why ? $"; {why}" : string.Empty));
            }
        }
        else
        {
            reasons.Add(agents.Error is { } why ? $"the agent counts are unknown: {why}" : "the agent counts are not fetched yet");
        }

        DateTimeOffset? oldest = (state, counts) switch
        {
            (not null, not null) => state.FetchedAt < agents.FetchedAt!.Value ? state.FetchedAt : agents.FetchedAt,
            (not null, null) => state.FetchedAt,
            (null, not null) => agents.FetchedAt,
            _ => null,
        };
        return new SkillAvailability
        {
            SkillId = skillId,
            OnShift = state?.OnShift,
            NextOn = state?.NextOn,
            NextOff = state?.NextOff,
            OnlineAgents = counts is null ? null : counts.OnlineAgents ?? 0,
            BackSoonAgents = counts is null ? null : counts.BackSoonAgents ?? 0,
            AwayAgents = counts is null ? null : counts.AwayAgents ?? 0,
            ShiftCheckedAt = state?.FetchedAt,
            AgentsCheckedAt = counts is null ? null : agents.FetchedAt,
            Age = oldest is { } at ? now - at : null,
            UnknownReason = reasons.Count == 0 ? null : string.Join("; ", reasons),
        };
    }

    private async Task RefreshAgentsAsync()
    {
        if (Interlocked.Exchange(ref _agentsBusy, 1) == 1)
        {
            return; // the last refresh is still under way
        }

        try
        {
            var agents = await _api!.GetAgentsAsync(_stopping.Token).ConfigureAwait(false);

            // Free for the next refresh before the data is published: whoever sees it can count on the next one running.
            Volatile.Write(ref _agentsBusy, 0);
            Volatile.Write(ref _agents, new AgentsSnapshot(agents, _time.GetUtcNow(), Error: null));
            _telemetry.AvailabilityRefreshed(TelemetryTags.AvailabilityAgents, failure: null, _settings!.StaleAfter(_settings.AgentsRefreshInterval));
        }
        catch (Exception) when (_stopping.IsCancellationRequested)
        {
            // Stopping: whatever the call under way ended with.
        }
        catch (Exception ex)
        {
            var reason = ReasonOf(ex);
            var before = Volatile.Read(ref _agents);
            Interlocked.CompareExchange(ref _agents, before with { Error = reason }, before); // never over newer data
            _telemetry.AvailabilityRefreshed(TelemetryTags.AvailabilityAgents, reason, _settings!.StaleAfter(_settings.AgentsRefreshInterval));
            if (before.FetchedAt is null)
            {
                RetrySoon(_agentsTimer, _settings.AgentsRefreshInterval);
            }
        }
        finally
        {
            Volatile.Write(ref _agentsBusy, 0);
        }
    }

    private async Task RefreshShiftAsync()
    {
        if (Interlocked.Exchange(ref _shiftBusy, 1) == 1)
        {
            return;
        }

        try
        {
            var settings = _settings!;
            var skills = _shift.Skills.ToDictionary(entry => entry.Key, entry => entry.Value, StringComparer.Ordinal);
            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            if (settings.UsesAppToken)
            {
                // One call per skill (the skill-level method an app token may use); each skill keeps its own last good state.
                var results = await Task.WhenAll(settings.SkillIds.Select(FetchSkillShiftAsync)).ConfigureAwait(false);
                foreach (var (skillId, state, error) in results)
                {
                    if (state is not null)
                    {
                        skills[skillId] = state;
                    }
                    else
                    {
                        errors[skillId] = error!;
                    }
                }
            }
            else
            {
                try
                {
                    var all = await _api!.GetAccountShiftsAsync(_stopping.Token).ConfigureAwait(false);
                    var now = _time.GetUtcNow();
                    foreach (var skillId in settings.SkillIds)
                    {
                        if (!all.TryGetValue(_tracked[skillId], out var answer))
                        {
                            errors[skillId] = $"the account's shift status does not list skill {skillId}";
                            continue;
                        }

                        try
                        {
                            skills[skillId] = ShiftState.From(answer, now, skillId);
                        }
                        catch (AccountApiException ex)
                        {
                            errors[skillId] = ex.Message;
                        }
                    }
                }
                catch (Exception ex) when (!_stopping.IsCancellationRequested)
                {
                    var reason = ReasonOf(ex);
                    foreach (var skillId in settings.SkillIds)
                    {
                        errors[skillId] = reason;
                    }
                }
            }

            Volatile.Write(ref _shiftBusy, 0);
            Volatile.Write(ref _shift, new ShiftSnapshot(skills, errors));
            _telemetry.AvailabilityRefreshed(TelemetryTags.AvailabilityShift, errors.Count == 0 ? null : string.Join("; ", errors.Values.Distinct()), settings.StaleAfter(settings.ShiftRefreshInterval));
            if (skills.Count == 0 && errors.Count > 0)
            {
                RetrySoon(_shiftTimer, settings.ShiftRefreshInterval);
            }
        }
        catch (Exception) when (_stopping.IsCancellationRequested)
        {
            // Stopping: whatever the calls under way ended with.
        }
        finally
        {
            Volatile.Write(ref _shiftBusy, 0);
        }
    }

    private async Task<(string SkillId, ShiftState? State, string? Error)> FetchSkillShiftAsync(string skillId)
    {
        try
        {
            var answer = await _api!.GetSkillShiftAsync(skillId, _stopping.Token).ConfigureAwait(false);
            return (skillId, ShiftState.From(answer, _time.GetUtcNow(), skillId), null);
        }
        catch (Exception ex) when (!_stopping.IsCancellationRequested)
        {
            return (skillId, null, ReasonOf(ex));
        }
    }

    /// <summary>
    /// While nothing of a kind is known (the first fetch failed), asks again after at most
    /// <see cref="FirstRetryDelay"/> instead of a whole interval; then on the interval again.
    /// </summary>
    private void RetrySoon(ITimer? timer, TimeSpan interval)
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                timer?.Change(interval < FirstRetryDelay ? interval : FirstRetryDelay, interval);
            }
        }
    }

    private static string ReasonOf(Exception exception) =>
        exception is AccountApiException ? exception.Message : $"the call failed ({exception.GetType().Name})";

    private sealed record ShiftSnapshot(IReadOnlyDictionary<string, ShiftState> Skills, IReadOnlyDictionary<string, string> Errors)
    {
        public static ShiftSnapshot Empty { get; } = new(new Dictionary<string, ShiftState>(), new Dictionary<string, string>());
    }

    private sealed record AgentsSnapshot(IReadOnlyDictionary<string, SkillAgents>? Skills, DateTimeOffset? FetchedAt, string? Error)
    {
        public static AgentsSnapshot Empty { get; } = new(null, null, null);
    }
}
