using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;

namespace LivePersonEscalation.Tests.Diagnostics;

public sealed class AccountTelemetryTests
{
    [Fact]
    public async Task A_named_accounts_activity_measurements_and_logs_carry_its_name_and_the_default_ones_none()
    {
        var wire = new WireRecorder();
        var activities = new List<Activity>();
        using var root = new Activity("account-test-root").Start();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == LivePersonEscalationTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId != root.TraceId)
                {
                    return;
                }

                lock (activities)
                {
                    activities.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddFakeLogging(options => options.CollectRecordsForDisabledLogLevels = false));
        services.AddLivePersonEscalation(o => o.ApiAccessKey = TestData.ApiKey).ConfigurePrimaryHttpMessageHandler(wire.CreateHandler);
        services.AddLivePersonEscalation("brand-b", o => o.ApiAccessKey = "key-of-brand-b").ConfigurePrimaryHttpMessageHandler(wire.CreateHandler);
        await using var provider = services.BuildServiceProvider();
        using var escalations = new MetricCollector<long>(provider.GetRequiredService<IMeterFactory>(), LivePersonEscalationTelemetry.MeterName, LivePersonEscalationTelemetry.EscalationsInstrument);

        await provider.GetRequiredKeyedService<IEscalationClient>("brand-b").EscalateAsync(TestData.Request());
        await provider.GetRequiredService<IEscalationClient>().EscalateAsync(TestData.Request(r => r with { ConversationId = "conv-default" }));

        var named = activities.Where(a => a.OperationName == "liveperson.escalate").ToList();
        Assert.Equal(2, named.Count);
        Assert.Equal("brand-b", named[0].GetTagItem(LivePersonEscalationTelemetry.AccountTag));
        Assert.Null(named[1].GetTagItem(LivePersonEscalationTelemetry.AccountTag));
        var measurements = escalations.GetMeasurementSnapshot();
        Assert.Equal("brand-b", measurements[0].Tags[LivePersonEscalationTelemetry.AccountTag]);
        Assert.False(measurements[1].Tags.ContainsKey(LivePersonEscalationTelemetry.AccountTag));
        var logs = provider.GetFakeLogCollector().GetSnapshot().Where(l => l.Category == "LivePersonEscalation").ToList();
        Assert.Contains(logs, l => l.Scopes.Any(scope => scope?.ToString() == "Account brand-b"));
        Assert.Contains(logs, l => l.Scopes.Count == 0);
    }
}
