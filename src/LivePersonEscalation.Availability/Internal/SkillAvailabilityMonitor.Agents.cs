namespace LivePersonEscalation.Availability.Internal;

/// <summary>The agent counts of the snapshot, fetched for every tracked skill at once.</summary>
internal sealed partial class SkillAvailabilityMonitor
{
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
            _telemetry.Refreshed(AvailabilityTelemetry.Agents, failure: null, _settings!.StaleAfter(_settings.AgentsRefreshInterval));
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
            _telemetry.Refreshed(AvailabilityTelemetry.Agents, reason, _settings!.StaleAfter(_settings.AgentsRefreshInterval));
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

    private sealed record AgentsSnapshot(IReadOnlyDictionary<string, SkillAgents>? Skills, DateTimeOffset? FetchedAt, string? Error)
    {
        public static AgentsSnapshot Empty { get; } = new(null, null, null);
    }
}
