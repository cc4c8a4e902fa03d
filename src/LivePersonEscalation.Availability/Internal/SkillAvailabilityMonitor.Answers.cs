namespace LivePersonEscalation.Availability.Internal;

/// <summary>What the snapshot answers for one skill, and what a decision does when nobody is online.</summary>
internal sealed partial class SkillAvailabilityMonitor
{
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
        var (wait, waitAge, waitUnknown) = ExpectedWaitOf(skillId, now);
        return new SkillAvailability
        {
            SkillId = skillId,
            ExpectedWait = wait,
            ExpectedWaitAge = waitAge,
            ExpectedWaitUnknownReason = waitUnknown,
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

    private static SkillAvailability Unknown(string skillId, string reason) => new() { SkillId = skillId, UnknownReason = reason };

    /// <summary>The skill's fallbacks in order (<see cref="EscalationFallbackOptions.Skills"/>): the first on shift with agents online takes the conversation.</summary>
    private async Task<TransferDecision> NobodyOnlineAsync(EscalationRequest request, string skillId, SkillAvailability availability, CancellationToken cancellationToken)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal) { skillId };
        for (var next = skillId; _settings!.TryGetFallback(next, out var fallback) && visited.Add(fallback); next = fallback)
        {
            var candidate = await GetAsync(fallback, cancellationToken).ConfigureAwait(false);
            if (candidate is { OnShift: true, OnlineAgents: > 0 })
            {
                return new TransferDecision
                {
                    Kind = TransferDecisionKind.EscalateToFallback,
                    Request = request with { AgentSkillId = fallback, AgentSkillName = null },
                    ExpectedWait = candidate.ExpectedWait,
                    Reason = $"{availability}; fallback {candidate}",
                };
            }
        }

        return new TransferDecision
        {
            Kind = _settings.WhenNoAgentsOnline == NoAgentsOnlineHandling.TellUser ? TransferDecisionKind.NoAgentsOnline : TransferDecisionKind.EscalateWithNoAgentsOnline,
            Request = request,
            ExpectedWait = availability.ExpectedWait,
            Reason = availability.ToString(),
        };
    }
}
