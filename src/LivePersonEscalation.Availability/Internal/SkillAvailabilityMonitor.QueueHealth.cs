using System.Net;

namespace LivePersonEscalation.Availability.Internal;

/// <summary>
/// The expected wait per skill (Messaging Current Queue Health): one request for every configured skill per refresh,
/// in the background, never for an escalation. A 429 waits as its <c>Retry-After</c> says; refreshes never pile up; a
/// feed that is not enabled on the account (401, 403, 404) is logged once with what to do.
/// </summary>
internal sealed partial class SkillAvailabilityMonitor
{
    private ITimer? _queueTimer;
    private int _queueBusy;
    private int _notEnabledLogged;
    private QueueSnapshot _queue = QueueSnapshot.Empty;

    private void StartQueueHealth(AvailabilitySettings settings)
    {
        if (!settings.QueueHealthEnabled)
        {
            return;
        }

        // Started with the first snapshot (here, so it holds its turn before the timer can fire), but never waited
        // for: an escalation goes ahead without the wait.
        _ = RefreshQueueHealthAsync();
        _queueTimer = _time.CreateTimer(static state => _ = ((SkillAvailabilityMonitor)state!).RefreshQueueHealthAsync(), this, settings.QueueHealthRefreshInterval, settings.QueueHealthRefreshInterval);
    }

    private async Task RefreshQueueHealthAsync()
    {
        if (Interlocked.Exchange(ref _queueBusy, 1) == 1)
        {
            return; // the last refresh is still under way
        }

        var settings = _settings!;
        var staleAfter = settings.StaleAfter(settings.QueueHealthRefreshInterval);
        try
        {
            var metrics = await _api!.GetQueueHealthAsync(settings.SkillIds, _stopping.Token).ConfigureAwait(false);
            Volatile.Write(ref _queueBusy, 0);
            Volatile.Write(ref _queue, new QueueSnapshot(metrics, _time.GetUtcNow(), Error: null));
            _telemetry.Refreshed(AvailabilityTelemetry.QueueHealth, failure: null, staleAfter);
        }
        catch (Exception) when (_stopping.IsCancellationRequested)
        {
            // Stopping: whatever the call under way ended with.
            Volatile.Write(ref _queueBusy, 0);
        }
        catch (Exception ex)
        {
            var status = (ex as AccountApiException)?.StatusCode;
            var notEnabled = status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound;
            var reason = notEnabled
                ? $"the queue health feed is not enabled on the account (HTTP {(int)status!}): ask LivePerson's account team to enable Messaging Current Queue Health, or set Availability:QueueHealth:Enabled to false"
                : ReasonOf(ex);
            if (status == HttpStatusCode.TooManyRequests)
            {
                // Called too often: the next refresh waits at least as long as LivePerson asked, never less than the
                // interval; set before the failure is published, so nobody who sees it meets the old rhythm.
                var asked = (ex as AccountApiException)?.RetryAfter ?? TimeSpan.Zero;
                var wait = asked > QueueHealthOptions.MaxRefreshInterval ? QueueHealthOptions.MaxRefreshInterval
                    : asked > settings.QueueHealthRefreshInterval ? asked
                    : settings.QueueHealthRefreshInterval;
                lock (_gate)
                {
                    if (!_disposed)
                    {
                        _queueTimer?.Change(wait, settings.QueueHealthRefreshInterval);
                    }
                }
            }

            var before = Volatile.Read(ref _queue);
            Interlocked.CompareExchange(ref _queue, before with { Error = reason }, before); // never over newer data

            // Free for the next refresh before it is reported: whoever sees the report can count on the next one running.
            Volatile.Write(ref _queueBusy, 0);
            if (!notEnabled)
            {
                _telemetry.Refreshed(AvailabilityTelemetry.QueueHealth, reason, staleAfter);
            }
            else if (Interlocked.Exchange(ref _notEnabledLogged, 1) == 0)
            {
                _telemetry.QueueHealthNotEnabled(reason);
            }
        }
    }

    /// <summary>The expected wait of <paramref name="skillId"/> at <paramref name="now"/>, its age, or why it is unknown.</summary>
    private (TimeSpan? Wait, TimeSpan? Age, string? Unknown) ExpectedWaitOf(string skillId, DateTimeOffset now)
    {
        var settings = _settings!;
        if (!settings.QueueHealthEnabled)
        {
            return (null, null, "queue health is off (Availability:QueueHealth:Enabled)");
        }

        var queue = Volatile.Read(ref _queue);
        if (queue.FetchedAt is not { } fetched)
        {
            return (null, null, queue.Error is { } why ? $"the queue health is unknown: {why}" : "the queue health is not fetched yet");
        }

        var bound = settings.StaleAfter(settings.QueueHealthRefreshInterval);
        if (now - fetched > bound)
        {
            return (null, null, $"the queue health is {(long)(now - fetched).TotalSeconds} s old, older than the {(long)bound.TotalSeconds} s it is used for" + (queue.Error is { } why ? $"; {why}" : string.Empty));
        }

        if (!queue.Metrics.TryGetValue(_tracked[skillId], out var metrics))
        {
            return (null, null, $"the queue health does not list skill {skillId}");
        }

        return metrics.AverageWaitAfterTransferMs is { } milliseconds and >= 0
            ? (TimeSpan.FromMilliseconds(milliseconds), now - fetched, null)
            : (null, null, $"LivePerson has no wait data for skill {skillId} (-1)");
    }

    private sealed record QueueSnapshot(IReadOnlyDictionary<string, QueueMetrics> Metrics, DateTimeOffset? FetchedAt, string? Error)
    {
        public static QueueSnapshot Empty { get; } = new(new Dictionary<string, QueueMetrics>(), null, null);
    }
}
