using System.Net;
using LivePersonEscalation.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LivePersonEscalation.Tests.Handoff;

public sealed class AgentHandoffTests
{
    private const string Text = "Hold on while I transfer you to an agent.";

    private static (AgentHandoff Handoff, FakeEscalationClient Fake) Create(Action<EscalationOptions>? configure = null)
    {
        var fake = new FakeEscalationClient(configure);
        var options = new EscalationOptions { ApiAccessKey = "unused-by-the-fake" };
        configure?.Invoke(options);
        return (new AgentHandoff(fake, options), fake);
    }

    private static InMemoryBotContext Context(string channel) => new(channel)
    {
        ConversationId = "conv-9",
        UserPlatformId = "upid-9",
        ChatBotId = "bot-9",
    };

    [Fact]
    public async Task Handoff_on_web_tells_the_user_then_escalates_with_BLANK_MESSAGE()
    {
        var (handoff, fake) = Create();
        var context = Context("Web");

        var result = await handoff.HandOffAsync(context, new AgentHandoffRequest { TransferMessage = Text, AgentSkillId = "42" });

        Assert.True(result.IsAccepted);
        Assert.Equal([Text], context.SentMessages);
        var sent = Assert.Single(fake.Escalations);
        Assert.Equal("BLANK_MESSAGE", sent.Message);
        Assert.Equal(("conv-9", "upid-9", "bot-9", "42"), (sent.ConversationId, sent.UserPlatformId, sent.ChatBotId, sent.AgentSkillId));
    }

    [Theory]
    [InlineData("lp_web")]
    [InlineData("lp_sms")]
    [InlineData("unknown_channel")]
    public async Task Handoff_on_other_channels_stores_the_variable_and_carries_the_text_in_the_body(string channel)
    {
        var (handoff, fake) = Create();
        var context = Context(channel);

        var result = await handoff.HandOffAsync(context, new AgentHandoffRequest { TransferMessage = Text, AgentSkillId = "42" });

        Assert.True(result.IsAccepted);
        Assert.Empty(context.SentMessages);
        Assert.Equal(Text, context.Variables["transferMessage"]);
        Assert.Equal(Text, Assert.Single(fake.Escalations).Message);
    }

    [Fact]
    public async Task Handoff_by_friendly_skill_name_sends_the_configured_id()
    {
        var (handoff, fake) = Create(o => o.Skills["Billing"] = "1001");

        var result = await handoff.HandOffAsync(Context("lp_sms"), new AgentHandoffRequest { TransferMessage = Text, AgentSkillName = "billing" });

        Assert.Equal("1001", Assert.Single(fake.Escalations).AgentSkillId);
        Assert.Equal("1001", result.Request.AgentSkillId);
        Assert.Equal("billing", Assert.Single(fake.Escalations).AgentSkillName);
    }

    [Fact]
    public async Task Handoff_to_an_unknown_skill_name_names_the_known_skills_and_tells_the_user_nothing()
    {
        var (handoff, fake) = Create(o => { o.Skills["billing"] = "1"; o.Skills["sales"] = "2"; });
        var context = Context("web");

        var result = await handoff.HandOffAsync(context, new AgentHandoffRequest { TransferMessage = Text, AgentSkillName = "support" });

        Assert.False(result.IsAccepted);
        Assert.Equal(EscalationFailureKind.UnknownSkill, result.Failure!.Kind);
        Assert.Contains("known skills: billing, sales", result.Failure.Message, StringComparison.Ordinal);
        Assert.Equal(TransferMessageMethod.NotDelivered, result.TransferMessage.Method);
        Assert.Empty(context.SentMessages);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task Handoff_with_a_blank_transfer_message_is_rejected_before_anything_happens()
    {
        var (handoff, fake) = Create();
        var context = Context("lp_sms");

        await Assert.ThrowsAsync<ArgumentException>(() =>
            handoff.HandOffAsync(context, new AgentHandoffRequest { TransferMessage = " ", AgentSkillId = "1" }));

        Assert.Empty(context.VariableWrites);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task A_failed_post_after_a_direct_send_reports_that_the_user_was_already_told()
    {
        var (handoff, fake) = Create();
        fake.Script(EmulatorResponse.Status(HttpStatusCode.Unauthorized));
        var context = Context("web");

        var result = await handoff.HandOffAsync(context, new AgentHandoffRequest { TransferMessage = Text, AgentSkillId = "42" });

        Assert.False(result.IsAccepted);
        Assert.True(result.UserAlreadyTold);
        Assert.Equal(EscalationFailureKind.Unauthorized, result.Failure!.Kind);
        Assert.Equal([Text], context.SentMessages);
        Assert.Single(fake.Requests);
        var thrown = Assert.Throws<EscalationException>(() => result.EnsureAccepted());
        Assert.Same(result.Failure, thrown);
    }

    [Fact]
    public async Task A_failed_post_on_a_messaging_channel_reports_that_the_user_was_not_told()
    {
        var (handoff, fake) = Create();
        fake.Script(EmulatorResponse.Status(HttpStatusCode.InternalServerError));

        var result = await handoff.HandOffAsync(Context("lp_web"), new AgentHandoffRequest { TransferMessage = Text, AgentSkillId = "42" });

        Assert.False(result.IsAccepted);
        Assert.False(result.UserAlreadyTold);
        Assert.Equal(EscalationOutcome.Unknown, result.Failure!.Outcome);
    }

    [Fact]
    public async Task Handoff_is_registered_with_the_client()
    {
        var fake = new FakeEscalationClient();
        var services = new ServiceCollection();
        services
            .AddLivePersonEscalation(o => { o.Endpoint = FakeEscalationClient.Endpoint; o.ApiAccessKey = FakeEscalationClient.ApiAccessKey; })
            .ConfigurePrimaryHttpMessageHandler(fake.CreateHandler);
        await using var provider = services.BuildServiceProvider();

        var handoff = provider.GetRequiredService<AgentHandoff>();
        var result = await handoff.HandOffAsync(Context("lp_sms"), new AgentHandoffRequest { TransferMessage = Text, AgentSkillId = "5" });

        Assert.True(result.IsAccepted);
        Assert.Single(fake.Escalations);
    }

    [Fact]
    public async Task A_handoff_over_a_fake_needs_only_skills_not_a_complete_option_set()
    {
        var fake = new FakeEscalationClient();
        var handoff = new AgentHandoff(fake, new EscalationOptions());

        var result = await handoff.HandOffAsync(Context("lp_sms"), new AgentHandoffRequest { TransferMessage = Text, AgentSkillId = "42" });

        Assert.True(result.IsAccepted);
        Assert.Equal("42", Assert.Single(fake.Escalations).AgentSkillId);
    }

    [Fact]
    public async Task The_fakes_own_handoff_resolves_skill_names_through_the_fakes_skills()
    {
        var fake = new FakeEscalationClient(o => o.Skills["billing"] = "1234567890");

        var result = await fake.CreateHandoff().HandOffAsync(Context("lp_web"), new AgentHandoffRequest { TransferMessage = Text, AgentSkillName = "billing" });

        Assert.True(result.IsAccepted);
        Assert.Equal("1234567890", Assert.Single(fake.Escalations).AgentSkillId);
    }
}
