using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LivePersonEscalation.IntegrationTests;

/// <summary>
/// Telemetry that throws everywhere (a log provider, a trace listener on the library's source) changes no outcome:
/// not an escalation's, not the guard's, not an availability decision's, not a transfer-failure report's. The
/// listener is process-wide, so these tests run alone, never beside another test's activities.
/// </summary>
[Collection(nameof(ProcessWideTests))]
public sealed class ThrowingTelemetryTests : IAsyncLifetime
{
    private EscalationEmulator _escalations = null!;
    private AccountApiEmulator _accountApis = null!;

    public async Task InitializeAsync()
    {
        _escalations = await EscalationEmulator.StartAsync();
        _accountApis = await AccountApiEmulator.StartAsync();
        _accountApis.SetAgents("111", online: 2);
    }

    public async Task DisposeAsync()
    {
        await _escalations.DisposeAsync();
        await _accountApis.DisposeAsync();
    }

    private ServiceProvider Provider(bool availability = false, bool fallback = false, int? throwingLogEvent = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.AddProvider(new ThrowingLoggerProvider(eventId: throwingLogEvent)));
        var escalation = services.AddLivePersonEscalation(o =>
        {
            o.Endpoint = _escalations.Endpoint;
            o.ApiAccessKey = _escalations.ApiAccessKey;
            o.Skills["billing"] = "111";
            o.Skills["general"] = "222";
            if (fallback)
            {
                o.Fallback.Skills["billing"] = "general";
            }
        });
        if (availability)
        {
            escalation.AddSkillAvailability(o => _accountApis.Configure(o));
        }

        return services.BuildServiceProvider();
    }

    private static ActivityListener ThrowingTraceListener()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == LivePersonEscalationTelemetry.ActivitySourceName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _ => throw new InvalidOperationException("trace exporter failed on stop"),
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    [Theory]
    [InlineData(null, true)] // every log event and every trace throws
    [InlineData(2, false)] // only the accepted event's log throws
    public async Task An_escalation_and_its_repeat_are_sent_once_and_answered(int? throwingLogEvent, bool throwingTraces)
    {
        await using var provider = Provider(throwingLogEvent: throwingLogEvent);
        using var listener = throwingTraces ? ThrowingTraceListener() : null;
        var client = provider.GetRequiredService<IEscalationClient>();

        var first = await client.EscalateAsync(TestRequests.For());
        var again = await client.EscalateAsync(TestRequests.For());

        Assert.Single(_escalations.Escalations);
        Assert.False(first.IsDeduplicated);
        Assert.True(again.IsDeduplicated);
    }

    [Fact]
    public async Task An_availability_decision_is_made()
    {
        await using var provider = Provider(availability: true);
        using var listener = ThrowingTraceListener();
        var handoff = provider.GetRequiredService<AgentHandoff>();

        var result = await handoff.HandOffAsync(
            new InMemoryBotContext("lp_web") { ConversationId = "conv-available" },
            new AgentHandoffRequest { TransferMessage = "Transferring you now.", AgentSkillName = "billing" });

        Assert.Equal(TransferDecisionKind.Escalate, result.Decision!.Kind);
        Assert.True(result.IsAccepted);
    }

    [Fact]
    public async Task A_transfer_failure_report_escalates_to_the_fallback_skill()
    {
        await using var provider = Provider(fallback: true);
        using var listener = ThrowingTraceListener();
        var client = provider.GetRequiredService<IEscalationClient>();
        var first = await client.EscalateAsync(TestRequests.ForSkillName("conv-failed"));

        var result = await client.ReportTransferFailureAsync(TestRequests.TransferFailure("conv-failed", first.EscalationId));

        Assert.Equal(["111", "222"], _escalations.Escalations.Select(e => e.AgentSkillId));
        Assert.Equal("222", result.FallbackSkillId);
    }
}
