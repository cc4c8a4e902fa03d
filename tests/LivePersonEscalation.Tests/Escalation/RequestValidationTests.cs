namespace LivePersonEscalation.Tests.Escalation;

public sealed class RequestValidationTests
{
    private readonly WireRecorder _wire = new();

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("+5")]
    [InlineData("1e3")]
    [InlineData("1.0")]
    [InlineData("0x1F")]
    [InlineData(" 12")]
    [InlineData("12 ")]
    [InlineData("1 2")]
    [InlineData("١٢٣")]                  // Arabic-Indic digits
    [InlineData("１２３")]                // full-width digits
    [InlineData("12345678901234567890")] // 20 digits: beyond a 64-bit id
    [InlineData(" ")]
    public async Task Escalate_with_a_non_numeric_skill_id_throws_naming_the_field_and_sends_nothing(string skillId)
    {
        var client = _wire.CreateClient();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.EscalateAsync(TestData.Request(r => r with { AgentSkillId = skillId })));

        Assert.Contains("AgentSkillId", error.Message, StringComparison.Ordinal);
        Assert.Contains("numeric", error.Message, StringComparison.Ordinal);
        Assert.Equal("request", error.ParamName);
        Assert.Empty(_wire.Requests);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("123")]
    [InlineData("1234567890123456789")]
    public async Task Escalate_with_a_numeric_skill_id_is_sent(string skillId)
    {
        await _wire.CreateClient().EscalateAsync(TestData.Request(r => r with { AgentSkillId = skillId }));

        Assert.Equal(skillId, _wire.Sent.Json.GetProperty("agentSkillId").GetString());
    }

    public static TheoryData<string, Func<EscalationRequest, EscalationRequest>> MissingIds => new()
    {
        { "UserPlatformId", r => r with { UserPlatformId = null! } },
        { "UserPlatformId", r => r with { UserPlatformId = "" } },
        { "UserPlatformId", r => r with { UserPlatformId = "   " } },
        { "ChatBotId", r => r with { ChatBotId = null! } },
        { "ChatBotId", r => r with { ChatBotId = "\t" } },
        { "ConversationId", r => r with { ConversationId = null! } },
        { "ConversationId", r => r with { ConversationId = "" } },
    };

    [Theory]
    [MemberData(nameof(MissingIds))]
    public async Task Escalate_without_a_required_id_throws_naming_the_field_and_sends_nothing(string field, Func<EscalationRequest, EscalationRequest> change)
    {
        var client = _wire.CreateClient();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.EscalateAsync(TestData.Request(change)));

        Assert.StartsWith($"EscalationRequest.{field} is required", error.Message, StringComparison.Ordinal);
        Assert.Empty(_wire.Requests);
    }

    public static TheoryData<string, Func<EscalationRequest, EscalationRequest>> MalformedFields => new()
    {
        { "ConversationId", r => r with { ConversationId = new string('c', EscalationRequest.MaxIdLength + 1) } },
        { "ConversationId", r => r with { ConversationId = " conv-1" } },
        { "UserPlatformId", r => r with { UserPlatformId = "user\r\nX-Injected: 1" } },
        { "ChatBotId", r => r with { ChatBotId = "bot-7 " } },
        { "AgentSkillName", r => r with { AgentSkillName = new string('s', EscalationRequest.MaxSkillNameLength + 1) } },
        { "AgentSkillName", r => r with { AgentSkillName = "Bill\u0000ing" } },
        { "Message", r => r with { Message = new string('m', EscalationRequest.MaxMessageLength + 1) } },
        { "Message", r => r with { Message = "bell\u0007" } },
        { "Message", r => r with { Message = "two lines\r\n\tthen a bell\u0007" } },
        { "AgentSkillName", r => r with { AgentSkillName = "Billing\u0085" } },
        { "ChatBotId", r => r with { ChatBotId = "bot\u007F" } },
        { "Message", r => r with { Message = "half an emoji \uD83D" } },
        { "Message", r => r with { Message = "\uDE00 stray low surrogate" } },
        { "AgentSkillName", r => r with { AgentSkillName = "Billing\uD800" } },
        { "ConversationId", r => r with { ConversationId = "conv\uDC00-1" } },
    };

    [Theory]
    [MemberData(nameof(MalformedFields))]
    public async Task Escalate_with_a_malformed_field_throws_naming_the_field_and_sends_nothing(string field, Func<EscalationRequest, EscalationRequest> change)
    {
        var client = _wire.CreateClient();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.EscalateAsync(TestData.Request(change)));

        Assert.StartsWith($"EscalationRequest.{field} ", error.Message, StringComparison.Ordinal);
        Assert.Empty(_wire.Requests);
    }

    [Theory]
    [InlineData("Un agent arrive 👋")]
    [InlineData("Un agent arrive 👋🏽")]
    [InlineData("Ein Moment, bitte – Sie werden verbunden: ÄÖÜß")]
    public async Task Escalate_with_whole_non_ascii_characters_sends_them_unchanged(string message)
    {
        await _wire.CreateClient().EscalateAsync(TestData.Request(r => r with { Message = message }));

        Assert.Equal(message, _wire.Sent.Json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Escalate_with_the_longest_accepted_message_is_sent()
    {
        var message = new string('m', EscalationRequest.MaxMessageLength);

        await _wire.CreateClient().EscalateAsync(TestData.Request(r => r with { Message = message }));

        Assert.Equal(message, _wire.Sent.Json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Escalate_without_skill_id_or_name_explains_both_ways_to_name_the_skill()
    {
        var client = _wire.CreateClient();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            client.EscalateAsync(TestData.Request(r => r with { AgentSkillId = null, AgentSkillName = null })));

        Assert.Contains("AgentSkillId is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("EscalationOptions.Skills", error.Message, StringComparison.Ordinal);
        Assert.Empty(_wire.Requests);
    }

    [Fact]
    public async Task Escalate_by_an_unknown_skill_name_lists_the_known_skills_and_sends_nothing()
    {
        var client = _wire.CreateClient(o => { o.Skills["sales"] = "1"; o.Skills["billing"] = "2"; });

        // Skill names come from runtime data: the documented catch (EscalationException) handles it, and it says
        // nothing was sent.
        var error = await Assert.ThrowsAsync<EscalationException>(() =>
            client.EscalateAsync(TestData.Request(r => r with { AgentSkillId = null, AgentSkillName = "support" })));

        Assert.Equal(EscalationFailureKind.UnknownSkill, error.Kind);
        Assert.Equal(EscalationOutcome.NotAccepted, error.Outcome);
        Assert.Contains("'support' is not a skill in EscalationOptions.Skills", error.Message, StringComparison.Ordinal);
        Assert.Contains("known skills: billing, sales", error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was sent. Add it to EscalationOptions.Skills, or set AgentSkillId.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LivePerson:Escalation", error.Message, StringComparison.Ordinal);
        Assert.Empty(_wire.Requests);
    }

    [Fact]
    public async Task Escalate_with_a_null_request_throws_argument_null()
    {
        var client = _wire.CreateClient();

        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => client.EscalateAsync(null!));

        Assert.Equal("request", error.ParamName);
    }

    [Fact]
    public async Task Escalate_with_an_already_cancelled_token_throws_operation_cancelled_and_sends_nothing()
    {
        var client = _wire.CreateClient();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            client.EscalateAsync(TestData.Request(), new CancellationToken(canceled: true)));

        Assert.Empty(_wire.Requests);
    }

    [Fact]
    public void A_request_describes_itself_without_its_ids_or_message()
    {
        var text = TestData.Request().ToString();

        Assert.DoesNotContain("conv-0001", text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestRequests.UserPlatformId, text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestRequests.ChatBotId, text, StringComparison.Ordinal);
        Assert.DoesNotContain("transfer you", text, StringComparison.Ordinal);
        Assert.Contains("1234567890", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_message_limit_counts_characters_not_utf16_units()
    {
        var client = _wire.CreateClient();
        var emoji = string.Concat(Enumerable.Repeat("\U0001F600", EscalationRequest.MaxMessageLength));

        await client.EscalateAsync(TestData.Request(r => r with { Message = emoji }));
        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.EscalateAsync(TestData.Request(r => r with { ConversationId = "c2", Message = emoji + "!" })));

        Assert.Single(_wire.Requests);
        Assert.Contains($"{EscalationRequest.MaxMessageLength + 1} characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_skill_name_mapped_to_one_id_sent_with_another_id_throws_naming_both()
    {
        var client = _wire.CreateClient(o => o.Skills["billing"] = "111");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.EscalateAsync(TestData.Request(r => r with { AgentSkillName = "billing", AgentSkillId = "222" })));

        Assert.Contains("111", error.Message, StringComparison.Ordinal);
        Assert.Contains("222", error.Message, StringComparison.Ordinal);
        Assert.Empty(_wire.Requests);
    }
}
