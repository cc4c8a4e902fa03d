namespace LivePersonEscalation.Availability.Internal;

/// <summary>
/// How the snapshot is kept: started on the first call, then refreshed in the background, retried soon after a failure.
/// </summary>
internal sealed partial class SkillAvailabilityMonitor
{
    /// <summary>Starts the snapshot on the first call; until the first fetch ends, waits for it at most <see cref="SkillAvailabilityOptions.Timeout"/>.</summary>
    private async ValueTask FirstSnapshotAsync(CancellationToken cancellationToken)
    {
        Task first;
        lock (_gate)
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(ISkillAvailabilitySnapshot), "The skill availability was disposed with its service provider.");
            }

            if (_first is null)
            {
                _first = Task.Run(() => Task.WhenAll(RefreshShiftAsync(), RefreshAgentsAsync()), CancellationToken.None);
                _agentsTimer = _time.CreateTimer(static state => _ = ((SkillAvailabilityMonitor)state!).RefreshAgentsAsync(), this, _settings!.AgentsRefreshInterval, _settings.AgentsRefreshInterval);
                _shiftTimer = _time.CreateTimer(static state => _ = ((SkillAvailabilityMonitor)state!).RefreshShiftAsync(), this, _settings.ShiftRefreshInterval, _settings.ShiftRefreshInterval);
                StartQueueHealth(_settings);
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
}
