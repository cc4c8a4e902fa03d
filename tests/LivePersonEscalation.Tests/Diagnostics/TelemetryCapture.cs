using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace LivePersonEscalation.Tests.Diagnostics;

/// <summary>
/// A registered client with every signal captured: logs (FakeLogger), metrics (MetricCollector on this provider's
/// meter factory) and the activities of this test's own trace (an ActivityListener under a root activity).
/// </summary>
public sealed class TelemetryCapture : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly List<Activity> _activities = [];
    private readonly Activity _root;

    public TelemetryCapture(WireRecorder wire, TimeProvider time, Action<EscalationOptions>? configure = null)
    {
        _root = new Activity("test-root").Start();
        var traceId = _root.TraceId;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "LivePersonEscalation",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == traceId)
                {
                    lock (_activities)
                    {
                        _activities.Add(activity);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);

        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        services.AddLivePersonEscalation(o =>
            {
                o.ApiAccessKey = TestData.ApiKey;
                configure?.Invoke(o);
            })
            .ConfigurePrimaryHttpMessageHandler(wire.CreateHandler);
        Provider = services.BuildServiceProvider();

        var meters = Provider.GetRequiredService<IMeterFactory>();
        Escalations = new MetricCollector<long>(meters, "LivePersonEscalation", "liveperson.escalation.escalations");
        Duration = new MetricCollector<double>(meters, "LivePersonEscalation", "liveperson.escalation.duration");
        Retries = new MetricCollector<long>(meters, "LivePersonEscalation", "liveperson.escalation.retries");
        Deduplicated = new MetricCollector<long>(meters, "LivePersonEscalation", "liveperson.escalation.deduplicated");
        TransferFailures = new MetricCollector<long>(meters, "LivePersonEscalation", "liveperson.escalation.transfer_failures");
        Client = Provider.GetRequiredService<IEscalationClient>();
    }

    public ServiceProvider Provider { get; }

    public IEscalationClient Client { get; }

    public MetricCollector<long> Escalations { get; }

    public MetricCollector<double> Duration { get; }

    public MetricCollector<long> Retries { get; }

    public MetricCollector<long> Deduplicated { get; }

    public MetricCollector<long> TransferFailures { get; }

    public IReadOnlyList<FakeLogRecord> Logs => Provider.GetFakeLogCollector().GetSnapshot();

    public IReadOnlyList<Activity> Activities
    {
        get
        {
            lock (_activities)
            {
                return [.. _activities];
            }
        }
    }

    /// <summary>Every piece of text any signal carried: log messages, their structured values and exceptions; activity names, tags, events and status; metric tags.</summary>
    public string AllText()
    {
        var text = new List<string>();
        foreach (var log in Logs)
        {
            text.Add(log.Message);
            text.Add(log.Exception?.ToString() ?? string.Empty);
            text.AddRange(log.StructuredState?.Select(kv => $"{kv.Key}={kv.Value}") ?? []);
        }

        foreach (var activity in Activities)
        {
            text.Add($"{activity.OperationName} {activity.DisplayName} {activity.StatusDescription}");
            text.AddRange(activity.TagObjects.Select(t => $"{t.Key}={t.Value}"));
            text.AddRange(activity.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name} {t.Key}={t.Value}")));
        }

        foreach (var collector in new[] { Escalations.GetMeasurementSnapshot().Select(m => m.Tags), Retries.GetMeasurementSnapshot().Select(m => m.Tags), Duration.GetMeasurementSnapshot().Select(m => m.Tags) })
        {
            text.AddRange(collector.SelectMany(tags => tags.Select(t => $"{t.Key}={t.Value}")));
        }

        return string.Join("\n", text);
    }

    public void Dispose()
    {
        Escalations.Dispose();
        Duration.Dispose();
        Retries.Dispose();
        Deduplicated.Dispose();
        TransferFailures.Dispose();
        Provider.Dispose();
        _listener.Dispose();
        _root.Stop();
    }
}
