using LivePersonEscalation.Tests.Diagnostics;

namespace LivePersonEscalation.Tests.Fallback;

public sealed class TransferFailureTelemetryTests
{
    private readonly WireRecorder _wire = new();
    private readonly SteppedClock _clock = new();

    private static TransferFailureReport Report(string? escalationId) => new()
    {
        UserPlatformId = TestRequests.UserPlatformId,
        ChatBotId = TestRequests.ChatBotId,
        ConversationId = "conv-0001",
        EscalationId = escalationId,
    };

    [Fact]
    public async Task Reports_are_counted_by_failed_skill_and_outcome_and_traced_around_the_fallback_escalation()
    {
        using var capture = new TelemetryCapture(_wire, _clock, o =>
        {
            o.Skills["billing"] = "111";
            o.Skills["general"] = "222";
            o.Fallback.Skills["billing"] = "general";
        });
        var first = await capture.Client.EscalateAsync(TestData.Request(r => r with { AgentSkillId = "111", AgentSkillName = null }));

        var fallback = await capture.Client.ReportTransferFailureAsync(Report(first.EscalationId));
        await capture.Client.ReportTransferFailureAsync(Report(first.EscalationId));
        await capture.Client.ReportTransferFailureAsync(Report(fallback.EscalationId));

        var counted = capture.TransferFailures.GetMeasurementSnapshot();
        Assert.Equal(3, counted.Count);
        Assert.True(counted[0].ContainsTags(new KeyValuePair<string, object?>("liveperson.skill.id", "111"), new KeyValuePair<string, object?>("liveperson.transfer.outcome", "fallback")));
        Assert.True(counted[1].ContainsTags(new KeyValuePair<string, object?>("liveperson.transfer.outcome", "repeated")));
        Assert.True(counted[2].ContainsTags(new KeyValuePair<string, object?>("liveperson.skill.id", "222"), new KeyValuePair<string, object?>("liveperson.transfer.outcome", "gave_up")));

        var report = capture.Activities.First(a => a.OperationName == "liveperson.transfer_failure");
        var escalation = capture.Activities.Single(a => a.OperationName == "liveperson.escalate" && a.ParentSpanId == report.SpanId);
        Assert.Equal("fallback", report.GetTagItem("liveperson.transfer.outcome"));
        Assert.Equal(1, report.GetTagItem("liveperson.transfer.failures"));
        Assert.Equal("222", report.GetTagItem("liveperson.fallback.skill.id"));
        Assert.Equal("222", escalation.GetTagItem("liveperson.skill.id"));
        Assert.Contains(capture.Logs, log => log.Id.Id == 12 && log.Message.Contains("gave up: NoFallbackSkill", StringComparison.Ordinal));
    }
}
