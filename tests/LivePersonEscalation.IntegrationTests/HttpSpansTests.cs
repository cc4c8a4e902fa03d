using System.Diagnostics;

namespace LivePersonEscalation.IntegrationTests;

public sealed class HttpSpansTests : EmulatorTest
{
    [Fact]
    public async Task With_the_two_sources_the_README_names_each_HTTP_attempt_is_a_child_of_liveperson_escalate()
    {
        using var root = new Activity("http-spans-root").Start();
        var stopped = new List<Activity>();
        using var listener = new ActivityListener
        {
            // What the README's OpenTelemetry block adds: the library's source and .NET's HttpClient source.
            ShouldListenTo = source => source.Name is LivePersonEscalationTelemetry.ActivitySourceName or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == root.TraceId)
                {
                    lock (stopped)
                    {
                        stopped.Add(activity);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        await CreateClient().EscalateAsync(Request("conv-spans"));

        var escalate = Assert.Single(stopped, a => a.OperationName == "liveperson.escalate");
        var attempt = Assert.Single(stopped, a => a.Source.Name == "System.Net.Http");
        Assert.Equal(escalate.SpanId, attempt.ParentSpanId);
        Assert.Equal(ActivityKind.Client, attempt.Kind);
    }
}
