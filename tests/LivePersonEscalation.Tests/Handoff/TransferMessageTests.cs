using LivePersonEscalation.Testing;

namespace LivePersonEscalation.Tests.Handoff;

public sealed class TransferMessageTests
{
    private const string Text = "Hold on while I transfer you to an agent.";

    [Theory]
    [InlineData("web")]
    [InlineData("WEB")]
    public async Task On_the_web_preview_the_message_is_sent_to_the_user_and_the_body_carries_BLANK_MESSAGE(string channel)
    {
        var context = new InMemoryBotContext(channel);

        var delivery = await TransferMessage.DeliverAsync(context, Text);

        Assert.Equal([Text], context.SentMessages);
        Assert.Empty(context.VariableWrites);
        Assert.Equal(TransferMessageMethod.SentToUser, delivery.Method);
        Assert.Equal(EscalationRequest.BlankMessage, delivery.EscalationMessage);
        Assert.True(delivery.UserAlreadyTold);
    }

    public static TheoryData<string> NonPreviewChannels =>
        ["lp_web", "LP_WEB", "lp_sms", "lp_inapp", "sms", "inapp", "lp_whatsapp", "lp_rcs", "lp_abc", "twilio_sms", "lp_fb", "fb", "some_future_channel"];

    [Theory]
    [MemberData(nameof(NonPreviewChannels))]
    public async Task On_every_other_channel_the_message_is_stored_for_the_session_and_carried_in_the_body(string channel)
    {
        var context = new InMemoryBotContext(channel);

        var delivery = await TransferMessage.DeliverAsync(context, Text);

        Assert.Empty(context.SentMessages);
        Assert.Equal([new BotVariableWrite("transferMessage", Text, PersistForSession: true, PersistForever: false)], context.VariableWrites);
        Assert.Equal(TransferMessageMethod.StoredInVariable, delivery.Method);
        Assert.Equal(Text, delivery.EscalationMessage);
        Assert.False(delivery.UserAlreadyTold);
    }

    [Fact]
    public void The_variable_name_is_the_one_the_documented_body_template_reads()
    {
        Assert.Equal("transferMessage", TransferMessage.VariableName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task A_blank_transfer_message_is_rejected_and_nothing_is_delivered(string? message)
    {
        var context = new InMemoryBotContext("lp_sms");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => TransferMessage.DeliverAsync(context, message!));

        Assert.Contains("must not be blank", error.Message, StringComparison.Ordinal);
        Assert.Contains("BLANK_MESSAGE", error.Message, StringComparison.Ordinal);
        Assert.Empty(context.VariableWrites);
    }

    [Fact]
    public async Task A_transfer_message_with_line_breaks_is_kept_as_is()
    {
        var context = new InMemoryBotContext("lp_sms");

        var delivery = await TransferMessage.DeliverAsync(context, "One moment.\nAn agent will join shortly.");

        Assert.Equal("One moment.\nAn agent will join shortly.", delivery.EscalationMessage);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    [InlineData("x\n")]
    [InlineData("__agent_escalation_failed_")]
    public void Other_messages_are_not_the_failure_signal(string? message)
    {
        Assert.False(TransferFailureReport.IsEscalationFailedSignal(message));
    }

    [Theory]
    [InlineData("__agent_escalation_failed__")]
    [InlineData("  __agent_escalation_failed__\n")]
    public void The_failure_signal_is_recognised_exactly_ignoring_surrounding_white_space(string message)
    {
        Assert.True(TransferFailureReport.IsEscalationFailedSignal(message));
    }
}
