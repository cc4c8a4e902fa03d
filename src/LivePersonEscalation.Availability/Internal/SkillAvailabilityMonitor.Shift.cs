namespace LivePersonEscalation.Availability.Internal;

/// <summary>The shift status of the snapshot, fetched skill by skill.</summary>
internal sealed partial class SkillAvailabilityMonitor
{
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
            _telemetry.Refreshed(AvailabilityTelemetry.Shift, errors.Count == 0 ? null : string.Join("; ", errors.Values.Distinct()), settings.StaleAfter(settings.ShiftRefreshInterval));
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

    private sealed record ShiftSnapshot(IReadOnlyDictionary<string, ShiftState> Skills, IReadOnlyDictionary<string, string> Errors)
    {
        public static ShiftSnapshot Empty { get; } = new(new Dictionary<string, ShiftState>(), new Dictionary<string, string>());
    }
}
