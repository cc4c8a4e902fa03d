using LivePersonEscalation.Testing;

namespace LivePersonEscalation.Tests.Fallback;

public sealed class TransferFailureHandoffTests
{
    private const string Text = "Let me try another team.";

    private static (AgentHandoff Handoff, FakeEscalationClient Fake) Create(Action<EscalationOptions>? fallback = null)
    {
        void Configure(EscalationOptions o)
        {
            o.Skills["billing"] = "111";
            o.Skills["general"] = "222";
            fallback?.Invoke(o);
        }

        var fake = new FakeEscalationClient(Configure);
        return (fake.CreateHandoff(), fake);
    }

    private static InMemoryBotContext Context(string channel) => new(channel) { ConversationId = "conv-9", UserPlatformId = "upid-9", ChatBotId = "bot-9" };

    [Fact]
    public async Task On_a_messaging_channel_the_fallback_carries_the_message_in_the_body_and_the_variable()
    {
        var (handoff, fake) = Create(o => o.Fallback.Skills["billing"] = "general");
        var context = Context("lp_web");
        var first = await handoff.HandOffAsync(context, new AgentHandoffRequest { TransferMessage = "Transferring.", AgentSkillName = "billing" });

        var result = await handoff.HandOffAfterTransferFailureAsync(context, new AgentHandoffRequest { TransferMessage = Text }, first.Escalation!.EscalationId);

        Assert.True(result.IsAccepted);
        Assert.Equal("222", fake.Escalations[1].AgentSkillId);
        Assert.Equal(Text, fake.Escalations[1].Message);
        Assert.Equal(Text, context.Variables[TransferMessage.VariableName]);
        Assert.Equal(1, result.TransferFailure!.TransferFailures);
        Assert.Equal(TransferMessageMethod.StoredInVariable, result.TransferMessage.Method);
    }

    [Fact]
    public async Task On_the_preview_the_bot_tells_the_user_only_once_the_fallback_was_accepted()
    {
        var (handoff, fake) = Create(o => o.Fallback.Skills["billing"] = "general");
        var context = Context("web");
        var first = await handoff.HandOffAsync(context, new AgentHandoffRequest { TransferMessage = "Transferring.", AgentSkillName = "billing" });

        var result = await handoff.HandOffAfterTransferFailureAsync(context, new AgentHandoffRequest { TransferMessage = Text }, first.Escalation!.EscalationId);

        Assert.Equal(["Transferring.", Text], context.SentMessages);
        Assert.Equal("BLANK_MESSAGE", fake.Escalations[1].Message);
        Assert.True(result.UserAlreadyTold);
    }

    [Fact]
    public async Task When_the_library_gives_up_nothing_is_delivered_or_sent()
    {
        var (handoff, fake) = Create();
        var context = Context("web");
        var first = await handoff.HandOffAsync(context, new AgentHandoffRequest { TransferMessage = "Transferring.", AgentSkillName = "billing" });

        var result = await handoff.HandOffAfterTransferFailureAsync(context, new AgentHandoffRequest { TransferMessage = Text }, first.Escalation!.EscalationId);
        var again = await handoff.HandOffAsync(context, new AgentHandoffRequest { TransferMessage = "Transferring.", AgentSkillName = "billing" });

        Assert.True(result.GaveUp);
        Assert.False(result.IsAccepted);
        Assert.Equal(TransferMessageMethod.NotDelivered, result.TransferMessage.Method);
        Assert.Equal(TransferGiveUpReason.NoFallbackSkill, result.TransferFailure!.GiveUpReason);
        Assert.True(again.GaveUp);
        Assert.Equal(EscalationFailureKind.GaveUp, again.Failure!.Kind);
        Assert.Single(fake.Escalations);
        Assert.Equal(["Transferring.", "Transferring."], context.SentMessages);
    }

    [Fact]
    public async Task An_invalid_transfer_message_is_rejected_before_anything_is_recorded()
    {
        var (handoff, fake) = Create(o => o.Fallback.Skills["billing"] = "general");
        var context = Context("lp_web");
        await handoff.HandOffAsync(context, new AgentHandoffRequest { TransferMessage = Text, AgentSkillName = "billing" });

        await Assert.ThrowsAsync<ArgumentException>(() => handoff.HandOffAfterTransferFailureAsync(context, new AgentHandoffRequest { TransferMessage = " ", AgentSkillName = "billing" }));
        var valid = await handoff.HandOffAfterTransferFailureAsync(context, new AgentHandoffRequest { TransferMessage = Text, AgentSkillName = "billing" });

        Assert.Equal(1, valid.TransferFailure!.TransferFailures);
        Assert.Equal(2, fake.Escalations.Count);
    }
}
