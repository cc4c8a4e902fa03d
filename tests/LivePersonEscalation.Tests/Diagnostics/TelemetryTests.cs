using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LivePersonEscalation.Tests.Diagnostics;

public sealed class TelemetryTests : IDisposable
{
    private const string PrivateMessage = "PRIVATE-TRANSFER-TEXT-4711";

    private readonly WireRecorder _wire = new();
    private readonly SteppedClock _clock = new();
    private TelemetryCapture? _capture;

    private TelemetryCapture Capture(Action<EscalationOptions>? configure = null) => _capture = new TelemetryCapture(_wire, _clock, configure);

    private static EscalationRequest Request() => TestData.Request(r => r with { Message = PrivateMessage });

    public void Dispose() => _capture?.Dispose();

    [Fact]
    public async Task An_accepted_escalation_emits_one_client_activity_with_its_tags()
    {
        var capture = Capture(o => o.Region = LivePersonRegion.Eu);

        await capture.Client.EscalateAsync(Request());

        var activity = Assert.Single(capture.Activities);
        Assert.Equal("liveperson.escalate", activity.OperationName);
        Assert.Equal("escalate Eu", activity.DisplayName);
        Assert.Equal(ActivityKind.Client, activity.Kind);
        Assert.Equal(ActivityStatusCode.Ok, activity.Status);
        Assert.Equal("platformservice-eu.botcentralapi.com", activity.GetTagItem("server.address"));
        Assert.Equal("Eu", activity.GetTagItem("liveperson.region"));
        Assert.Equal("1234567890", activity.GetTagItem("liveperson.skill.id"));
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        Assert.Equal(1, activity.GetTagItem("liveperson.escalation.attempts"));
        Assert.Equal("accepted", activity.GetTagItem("liveperson.escalation.outcome"));
        Assert.Null(activity.GetTagItem("liveperson.conversation.id"));
    }

    [Fact]
    public async Task The_conversation_id_is_traced_only_when_opted_in()
    {
        var capture = Capture(o => o.Telemetry.IncludeConversationId = true);

        await capture.Client.EscalateAsync(Request());

        Assert.Equal("conv-0001", Assert.Single(capture.Activities).GetTagItem("liveperson.conversation.id"));
    }

    [Fact]
    public async Task After_each_kind_of_call_the_callers_current_activity_is_its_own_again()
    {
        var capture = Capture();
        var callers = Activity.Current;
        Assert.NotNull(callers);

        await capture.Client.EscalateAsync(Request());
        Assert.Same(callers, Activity.Current);

        var deduplicated = await capture.Client.EscalateAsync(Request());
        Assert.True(deduplicated.IsDeduplicated);
        Assert.Same(callers, Activity.Current);

        _wire.Respond(HttpStatusCode.BadRequest);
        await Assert.ThrowsAsync<EscalationException>(() => capture.Client.EscalateAsync(TestData.Request(r => r with { ConversationId = "conv-failing" })));
        Assert.Same(callers, Activity.Current);
        Assert.Equal(3, capture.Activities.Count);
    }

    [Fact]
    public async Task A_failed_escalation_marks_the_activity_as_an_error_of_its_kind()
    {
        _wire.Respond(HttpStatusCode.Unauthorized);
        var capture = Capture();

        await Assert.ThrowsAsync<EscalationException>(() => capture.Client.EscalateAsync(Request()));

        var activity = Assert.Single(capture.Activities);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal("Unauthorized", activity.StatusDescription);
        Assert.Equal("Unauthorized", activity.GetTagItem("error.type"));
        Assert.Equal(401, activity.GetTagItem("http.response.status_code"));
    }

    [Fact]
    public async Task Metrics_count_escalations_by_outcome_and_status_class_and_record_seconds()
    {
        var capture = Capture();
        await capture.Client.EscalateAsync(Request());
        _wire.Respond(HttpStatusCode.BadRequest);

        await Assert.ThrowsAsync<EscalationException>(() => capture.Client.EscalateAsync(TestData.Request(r => r with { ConversationId = "other" })));

        var measurements = capture.Escalations.GetMeasurementSnapshot();
        Assert.Equal(2, measurements.Count);
        Assert.True(measurements[0].ContainsTags(new KeyValuePair<string, object?>("liveperson.escalation.outcome", "accepted"), new KeyValuePair<string, object?>("liveperson.escalation.status_class", "2xx")));
        Assert.True(measurements[1].ContainsTags(new KeyValuePair<string, object?>("liveperson.escalation.outcome", "failed"), new KeyValuePair<string, object?>("liveperson.escalation.status_class", "4xx"), new KeyValuePair<string, object?>("error.type", "Rejected")));
        Assert.Equal(2, capture.Duration.GetMeasurementSnapshot().Count);
        Assert.Equal("s", capture.Duration.Instrument!.Unit);
    }

    [Fact]
    public async Task A_retry_is_counted_logged_and_added_to_the_activity()
    {
        var calls = 0;
        _wire.Intercept(_ => Task.CompletedTask);
        Func<HttpRequestMessage, HttpResponseMessage> respond = _ => Interlocked.Increment(ref calls) == 1
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Headers = { { "Retry-After", "1" } } }
            : new HttpResponseMessage(HttpStatusCode.OK);
        RichardSzalay.MockHttp.MockedRequestExtensions.Respond(_wire.Handler.Fallback, respond);
        var capture = Capture();

        var escalation = capture.Client.EscalateAsync(Request());
        await _clock.ElapseNextDelayAsync(EscalationOptions.DefaultTimeout);
        await escalation;

        var retry = Assert.Single(capture.Retries.GetMeasurementSnapshot());
        Assert.True(retry.ContainsTags(new KeyValuePair<string, object?>("liveperson.retry.reason", "http_503")));
        Assert.Contains(capture.Logs, log => log.Id.Id == 4 && log.Level == LogLevel.Warning && log.Message.Contains("retrying in 1000 ms", StringComparison.Ordinal));
        Assert.Contains(Assert.Single(capture.Activities).Events, e => e.Name == "retry");
    }

    [Fact]
    public async Task A_deduplicated_escalation_is_counted_and_logged()
    {
        var capture = Capture();

        await capture.Client.EscalateAsync(Request());
        await capture.Client.EscalateAsync(Request());

        Assert.Equal(1, Assert.Single(capture.Deduplicated.GetMeasurementSnapshot()).Value);
        Assert.Contains(capture.Logs, log => log.Id.Id == 5);
        Assert.Equal("deduplicated", capture.Activities[1].GetTagItem("liveperson.escalation.outcome"));
    }

    [Fact]
    public async Task Logs_have_stable_event_ids_for_start_success_and_failure()
    {
        var capture = Capture();
        await capture.Client.EscalateAsync(Request());
        _wire.Respond(HttpStatusCode.NotFound);
        await Assert.ThrowsAsync<EscalationException>(() => capture.Client.EscalateAsync(TestData.Request(r => r with { ConversationId = "x" })));

        var logs = capture.Logs;
        Assert.Equal([1, 2, 1, 3], logs.Select(l => l.Id.Id));
        Assert.All(logs, l => Assert.Equal("LivePersonEscalation", l.Category));
        Assert.Equal(LogLevel.Information, logs[1].Level);
        Assert.Equal(LogLevel.Warning, logs[3].Level);
        Assert.Contains("EndpointNotFound", logs[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_message_text_is_logged_only_at_trace_and_only_when_opted_in()
    {
        var capture = Capture(o => o.Telemetry.LogMessageText = true);

        await capture.Client.EscalateAsync(Request());

        var withText = Assert.Single(capture.Logs, l => l.Message.Contains(PrivateMessage, StringComparison.Ordinal));
        Assert.Equal(LogLevel.Trace, withText.Level);
        Assert.Equal(6, withText.Id.Id);
    }

    [Fact]
    public async Task The_http_client_factory_loggers_are_removed_so_no_request_headers_are_logged()
    {
        var capture = Capture();

        await capture.Client.EscalateAsync(Request());

        Assert.DoesNotContain(capture.Logs, l => l.Category!.StartsWith("System.Net.Http", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_signal_ever_carries_the_api_key_or_by_default_the_message_text()
    {
        var capture = Capture(o => o.Telemetry.IncludeConversationId = true);

        // Accepted, retried, deduplicated, refused with the key echoed back, lost connection.
        _wire.Respond(HttpStatusCode.ServiceUnavailable, headers: ("Retry-After", "1"));
        var retried = capture.Client.EscalateAsync(Request());
        await _clock.NextDelayAsync(EscalationOptions.DefaultTimeout);
        _wire.Respond(HttpStatusCode.OK, $$"""{"echo":"{{TestData.ApiKey}} {{PrivateMessage}}"}""");
        _clock.Advance(TimeSpan.FromSeconds(1));
        await retried;
        await capture.Client.EscalateAsync(Request());
        _wire.Respond(HttpStatusCode.Unauthorized, $$"""{"error":"bad key {{TestData.ApiKey}}"}""");
        await Assert.ThrowsAsync<EscalationException>(() => capture.Client.EscalateAsync(TestData.Request(r => r with { ConversationId = "c2", Message = PrivateMessage })));
        _wire.Throw(new HttpRequestException(HttpRequestError.ResponseEnded, "ended"));
        await Assert.ThrowsAsync<EscalationException>(() => capture.Client.EscalateAsync(TestData.Request(r => r with { ConversationId = "c3", Message = PrivateMessage })));

        var everything = capture.AllText();

        Assert.True(capture.Logs.Count >= 8, $"{capture.Logs.Count} logs");
        Assert.Equal(4, capture.Activities.Count);
        Assert.DoesNotContain(TestData.ApiKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(PrivateMessage, everything, StringComparison.Ordinal);
        Assert.Contains("conv-0001", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Factory_loggers_a_host_adds_back_never_see_the_key_not_even_in_structured_state()
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        services.AddLivePersonEscalation(o => o.ApiAccessKey = TestData.ApiKey)
            .ConfigurePrimaryHttpMessageHandler(_wire.CreateHandler)
            .AddDefaultLogger();
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IEscalationClient>().EscalateAsync(Request());

        // The key is added below every logger: neither the messages nor the structured state ever hold it.
        var records = provider.GetFakeLogCollector().GetSnapshot();
        var state = records.SelectMany(r => r.StructuredState ?? []).Select(kv => kv.Value ?? string.Empty);
        Assert.Contains(records, r => r.Category!.StartsWith("System.Net.Http", StringComparison.Ordinal) && r.Message.Contains("Request Headers", StringComparison.Ordinal));
        Assert.DoesNotContain(state, v => v.Contains(TestData.ApiKey, StringComparison.Ordinal));
        Assert.DoesNotContain(records, r => r.Message.Contains(TestData.ApiKey, StringComparison.Ordinal));
        Assert.Equal(TestData.ApiKey, _wire.Sent.Headers["Authorization"]);
    }
}
