using Microsoft.Extensions.DependencyInjection;

namespace LivePersonEscalation.Availability.Tests;

/// <summary>
/// The expected wait before a transfer, end to end over real HTTP: in the transfer message (rounded up), in the choice
/// of skill (a fallback with a shorter wait), and in the user's hands (a long wait is asked, a confirmed one sent).
/// </summary>
public sealed class WaitDecisionTests() : QueueHealthScenario(billingAgents: 1, generalAgents: 1)
{
    private const string WithWait = "Hold on while I transfer you. The current wait is about {minutes} minute(s).";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(95, "Hold on while I transfer you. The current wait is about 2 minute(s).")]
    [InlineData(120, "Hold on while I transfer you. The current wait is about 2 minute(s).")]
    [InlineData(10, "Hold on while I transfer you. The current wait is about 1 minute(s).")]
    public async Task A_known_wait_is_in_the_transfer_message_rounded_up(int seconds, string expected)
    {
        AccountApis.SetQueueHealth(Billing, TimeSpan.FromSeconds(seconds));
        await using var provider = await ProviderAsync();

        var result = await HandOffAsync(provider, "conv-wait");

        Assert.True(result.IsAccepted);
        Assert.Equal(expected, Assert.Single(Escalations.Escalations).Message);
        Assert.Equal(TimeSpan.FromSeconds(seconds), result.ExpectedWait);
    }

    [Fact]
    public async Task An_unknown_wait_keeps_the_plain_message()
    {
        AccountApis.SetQueueHealth(Billing, waitAfterTransfer: null); // -1
        AccountApis.SetQueueHealth(General, TimeSpan.FromMinutes(1)); // a skill whose wait is known, to know the snapshot is there
        await using var provider = await ProviderAsync(wait: General);

        var result = await HandOffAsync(provider, "conv-unknown-wait");

        Assert.True(result.IsAccepted);
        Assert.Equal("Hold on while I transfer you.", Assert.Single(Escalations.Escalations).Message);
        Assert.Null(result.ExpectedWait);
    }

    [Theory]
    [InlineData(2, General, TransferDecisionKind.EscalateToFallbackForWait)]
    [InlineData(25, Billing, TransferDecisionKind.Escalate)]
    public async Task A_long_wait_goes_to_a_fallback_with_a_shorter_one_and_the_decision_says_both(int fallbackMinutes, string sentTo, TransferDecisionKind kind)
    {
        AccountApis.SetQueueHealth(Billing, TimeSpan.FromMinutes(20));
        AccountApis.SetQueueHealth(General, TimeSpan.FromMinutes(fallbackMinutes));
        await using var provider = await ProviderAsync(escalation: o =>
        {
            o.Fallback.Skills["billing"] = "general";
            o.Fallback.WhenWaitLongerThan = TimeSpan.FromMinutes(10);
        });

        var result = await HandOffAsync(provider, "conv-fallback-for-wait");

        Assert.Equal(kind, result.Decision!.Kind);
        Assert.Equal(sentTo, Assert.Single(Escalations.Escalations).AgentSkillId);
        if (kind == TransferDecisionKind.EscalateToFallbackForWait)
        {
            Assert.Equal(TimeSpan.FromMinutes(20), result.Decision.RequestedSkillWait);
            Assert.Equal(TimeSpan.FromMinutes(2), result.Decision.ExpectedWait);
        }
    }

    [Fact]
    public async Task A_wait_past_the_bound_is_the_users_choice_and_a_confirmed_request_is_sent()
    {
        AccountApis.SetQueueHealth(Billing, TimeSpan.FromMinutes(25));
        await using var provider = await ProviderAsync(configure: o => o.QueueHealth.AskUserAbove = TimeSpan.FromMinutes(15));

        var asked = await HandOffAsync(provider, "conv-long-wait");
        var confirmed = await HandOffAsync(provider, "conv-long-wait", acceptWait: true);

        Assert.True(asked.IsLongWait);
        Assert.Equal(TimeSpan.FromMinutes(25), asked.ExpectedWait);
        Assert.Equal(25, asked.Decision!.ExpectedWaitMinutes);
        Assert.Equal(TransferMessageMethod.NotDelivered, asked.TransferMessage.Method);
        Assert.True(confirmed.IsAccepted);
        Assert.False(confirmed.IsWithheld); // sent: not "long wait, nothing sent", though the decision was a long wait
        Assert.False(confirmed.IsLongWait);
        Assert.Equal("Hold on while I transfer you. The current wait is about 25 minute(s).", Assert.Single(Escalations.Escalations).Message);
    }

    [Fact]
    public async Task A_template_without_minutes_is_refused_before_anything_happens()
    {
        await using var provider = await ProviderAsync();
        var context = new InMemoryBotContext("lp_web") { ConversationId = "conv-template" };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => provider.GetRequiredService<AgentHandoff>().HandOffAsync(
            context,
            new AgentHandoffRequest { TransferMessage = "Hold on.", TransferMessageWithWait = "Hold on, it will be a while.", AgentSkillName = "billing" }));

        Assert.Contains("{minutes}", error.Message, StringComparison.Ordinal);
        Assert.Empty(context.VariableWrites);
        Assert.Empty(Escalations.Requests);
    }

    private static Task<AgentHandoffResult> HandOffAsync(ServiceProvider provider, string conversationId, bool acceptWait = false) =>
        provider.GetRequiredService<AgentHandoff>().HandOffAsync(
            new InMemoryBotContext("lp_web") { ConversationId = conversationId },
            new AgentHandoffRequest { TransferMessage = "Hold on while I transfer you.", TransferMessageWithWait = WithWait, AgentSkillName = "billing", AcceptWait = acceptWait });

    /// <summary>The host, once its snapshot has fetched the queue health (a background fetch over real HTTP).</summary>
    private async Task<ServiceProvider> ProviderAsync(Action<SkillAvailabilityOptions>? configure = null, Action<EscalationOptions>? escalation = null, string wait = Billing)
    {
        var services = QueueHealthServices(configure, escalation);
        var provider = services.BuildServiceProvider();
        var snapshot = provider.GetRequiredService<ISkillAvailabilitySnapshot>();
        var deadline = DateTime.UtcNow + Bound;
        while ((await snapshot.GetAsync(wait)).ExpectedWaitUnknownReason is "the queue health is not fetched yet" and var why)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the queue health never arrived: {why}");
            await Task.Delay(20);
        }

        return provider;
    }
}
