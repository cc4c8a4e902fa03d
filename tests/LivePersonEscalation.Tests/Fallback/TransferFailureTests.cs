using LivePersonEscalation.Testing;

namespace LivePersonEscalation.Tests.Fallback;

public sealed class TransferFailureTests
{
    private const string Billing = "111";
    private const string General = "222";
    private const string Overflow = "333";

    private readonly WireRecorder _wire = new();
    private readonly SteppedClock _clock = new();

    private IEscalationClient Client(Action<EscalationOptions>? configure = null) => _wire.CreateRegisteredClient(_clock, options =>
    {
        options.Skills["billing"] = Billing;
        options.Skills["general"] = General;
        options.Skills["overflow"] = Overflow;
        configure?.Invoke(options);
    });

    private static Action<EscalationOptions> Chain(params (string From, string To)[] routes) => options =>
    {
        foreach (var (from, to) in routes)
        {
            options.Fallback.Skills[from] = to;
        }
    };

    private static EscalationRequest ToBilling() => TestData.Request(r => r with { AgentSkillId = Billing, AgentSkillName = null });

    private static TransferFailureReport Report(string? escalationId) => TestRequests.TransferFailure("conv-0001", escalationId);

    private IEnumerable<string> SentSkills => _wire.Requests.Select(r => r.Json.GetProperty("agentSkillId").GetString()!);

    [Fact]
    public async Task Escalating_again_after_a_reported_transfer_failure_is_sent_not_deduplicated()
    {
        var client = Client(Chain(("billing", "billing")));
        var first = await client.EscalateAsync(ToBilling());

        var report = await client.ReportTransferFailureAsync(Report(first.EscalationId));
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal([Billing, Billing], SentSkills);
        Assert.False(report.Escalation!.IsDeduplicated);
        Assert.NotEqual(first.EscalationId, report.EscalationId);
        Assert.Equal(1, report.TransferFailures);
        Assert.False(report.IsRepeatedReport);
    }

    [Fact]
    public async Task A_plain_escalation_after_the_fallback_is_answered_by_the_fallback()
    {
        var client = Client(Chain(("billing", "general")));
        var first = await client.EscalateAsync(ToBilling());
        var report = await client.ReportTransferFailureAsync(Report(first.EscalationId));

        var again = await client.EscalateAsync(TestData.Request(r => r with { AgentSkillId = General, AgentSkillName = null }));
        var oldSkill = await Assert.ThrowsAsync<EscalationException>(() => client.EscalateAsync(ToBilling()));

        Assert.Equal([Billing, General], SentSkills);
        Assert.True(again.IsDeduplicated);
        Assert.Equal(report.EscalationId, again.EscalationId);
        Assert.Equal(1, report.Escalation!.TransferFailures);
        Assert.Equal(1, again.TransferFailures);
        Assert.Equal(1, oldSkill.TransferFailures);
        Assert.Equal(EscalationFailureKind.AlreadyEscalated, oldSkill.Kind);
        Assert.Equal(General, oldSkill.EarlierAgentSkillId);
    }

    [Fact]
    public async Task A_report_escalates_to_the_configured_fallback_skill_with_its_message()
    {
        var client = Client(Chain(("billing", "general")));
        var first = await client.EscalateAsync(ToBilling());

        var report = await client.ReportTransferFailureAsync(Report(first.EscalationId));

        Assert.Equal([Billing, General], SentSkills);
        Assert.Equal("Let me try another team.", _wire.Requests[1].Json.GetProperty("message").GetString());
        Assert.Equal(Billing, report.FailedSkillId);
        Assert.Equal(General, report.FallbackSkillId);
        Assert.False(report.GaveUp);
        Assert.Equal(report.Escalation!.EscalationId, report.EscalationId);
    }

    [Fact]
    public async Task A_repeated_report_of_the_same_escalation_counts_once_and_sends_nothing()
    {
        var client = Client(Chain(("billing", "general")));
        var first = await client.EscalateAsync(ToBilling());
        var report = await client.ReportTransferFailureAsync(Report(first.EscalationId));

        var again = await client.ReportTransferFailureAsync(Report(first.EscalationId));
        _clock.Advance(TimeSpan.FromMinutes(5));
        var later = await client.ReportTransferFailureAsync(Report(first.EscalationId));

        Assert.Equal([Billing, General], SentSkills);
        Assert.True(again.IsRepeatedReport);
        Assert.Equal(1, again.TransferFailures);
        Assert.Equal(report.EscalationId, again.EscalationId);
        Assert.Null(again.Escalation);
        Assert.True(later.IsRepeatedReport);
        Assert.Equal(1, later.TransferFailures);
        Assert.Equal(report.EscalationId, later.EscalationId);
        Assert.Equal(General, later.FallbackSkillId);
    }

    [Fact]
    public async Task A_report_without_an_escalation_id_means_the_latest_accepted_escalation()
    {
        var client = Client(Chain(("billing", "general"), ("general", "overflow")));
        await client.EscalateAsync(ToBilling());

        var first = await client.ReportTransferFailureAsync(Report(escalationId: null));
        var second = await client.ReportTransferFailureAsync(Report(escalationId: null));

        Assert.Equal([Billing, General, Overflow], SentSkills);
        Assert.Equal(Billing, first.FailedSkillId);
        Assert.Equal(General, second.FailedSkillId);
        Assert.Equal(2, second.TransferFailures);
    }

    [Fact]
    public async Task A_self_fallback_gives_up_after_MaxTransferFailures()
    {
        var client = Client(o =>
        {
            Chain(("billing", "billing"))(o);
            o.Fallback.MaxTransferFailures = 3;
        });
        var escalationId = (await client.EscalateAsync(ToBilling())).EscalationId;

        var results = new List<TransferFailureResult>();
        for (var i = 0; i < 3; i++)
        {
            var result = await client.ReportTransferFailureAsync(Report(escalationId));
            results.Add(result);
            escalationId = result.EscalationId;
        }

        Assert.Equal([Billing, Billing, Billing], SentSkills);
        Assert.Equal([1, 2, 3], results.Select(r => r.TransferFailures));
        Assert.Equal(TransferGiveUpReason.MaxTransferFailures, results[2].GiveUpReason);
        Assert.Null(results[2].Escalation);
    }

    [Fact]
    public async Task A_chain_without_a_next_skill_gives_up()
    {
        var client = Client(Chain(("billing", "general")));
        var first = await client.EscalateAsync(ToBilling());
        var toGeneral = await client.ReportTransferFailureAsync(Report(first.EscalationId));

        var end = await client.ReportTransferFailureAsync(Report(toGeneral.EscalationId));

        Assert.Equal([Billing, General], SentSkills);
        Assert.True(end.GaveUp);
        Assert.Equal(TransferGiveUpReason.NoFallbackSkill, end.GiveUpReason);
        Assert.Equal(General, end.FailedSkillId);
        Assert.Equal(2, end.TransferFailures);
    }

    [Fact]
    public async Task After_giving_up_nothing_is_sent_for_the_fallback_window_and_every_escalation_says_why()
    {
        var client = Client(o => o.Fallback.Window = TimeSpan.FromMinutes(10));
        var first = await client.EscalateAsync(ToBilling());
        var gaveUp = await client.ReportTransferFailureAsync(Report(first.EscalationId));

        var refused = await Assert.ThrowsAsync<EscalationException>(() => client.EscalateAsync(ToBilling()));
        var otherSkill = await Assert.ThrowsAsync<EscalationException>(() => client.EscalateAsync(TestData.Request(r => r with { AgentSkillId = General, AgentSkillName = null })));
        var repeated = await client.ReportTransferFailureAsync(Report(escalationId: null));
        _clock.Advance(TimeSpan.FromMinutes(9));
        await Assert.ThrowsAsync<EscalationException>(() => client.EscalateAsync(ToBilling()));
        _clock.Advance(TimeSpan.FromMinutes(1));
        var afterWindow = await client.EscalateAsync(ToBilling());

        Assert.Equal(TransferGiveUpReason.NoFallbackSkill, gaveUp.GiveUpReason);
        Assert.Equal(EscalationFailureKind.GaveUp, refused.Kind);
        Assert.Equal(EscalationFailureKind.GaveUp, otherSkill.Kind);
        Assert.NotEqual(EscalationOutcome.Unknown, refused.Outcome);
        Assert.Equal(1, refused.TransferFailures);
        Assert.Contains("no fallback (Fallback:Skills)", refused.Message, StringComparison.Ordinal);
        Assert.True(repeated.GaveUp);
        Assert.True(repeated.IsRepeatedReport);
        Assert.Equal([Billing, Billing], SentSkills);
        Assert.False(afterWindow.IsDeduplicated);
    }

    [Fact]
    public async Task A_report_may_name_its_own_fallback_skill()
    {
        var client = Client();
        var first = await client.EscalateAsync(ToBilling());

        var report = await client.ReportTransferFailureAsync(Report(first.EscalationId) with { FallbackSkillName = "overflow" });

        Assert.Equal([Billing, Overflow], SentSkills);
        Assert.Equal(Overflow, report.FallbackSkillId);
    }

    [Fact]
    public async Task A_report_of_an_escalation_the_stores_forgot_still_knows_its_skill()
    {
        var client = Client(Chain(("billing", "general")));
        var first = await client.EscalateAsync(ToBilling());
        _clock.Advance(TimeSpan.FromMinutes(30));

        var report = await client.ReportTransferFailureAsync(Report(first.EscalationId));

        Assert.Equal(Billing, report.FailedSkillId);
        Assert.Equal([Billing, General], SentSkills);
    }

    [Fact]
    public async Task A_report_for_a_conversation_never_escalated_is_refused_each_time_and_sends_nothing()
    {
        var client = Client(Chain(("billing", "general")));

        var first = await Assert.ThrowsAsync<EscalationException>(() => client.ReportTransferFailureAsync(Report(escalationId: null)));
        var retried = await Assert.ThrowsAsync<EscalationException>(() => client.ReportTransferFailureAsync(Report(escalationId: null)));
        var escalated = await client.EscalateAsync(ToBilling());

        Assert.Equal(EscalationFailureKind.UnknownEscalation, first.Kind);
        Assert.Equal(EscalationFailureKind.UnknownEscalation, retried.Kind);
        Assert.Contains("Escalate the conversation again", first.Message, StringComparison.Ordinal);
        Assert.False(escalated.IsDeduplicated);
        Assert.Equal([Billing], SentSkills);
    }

    [Theory]
    [InlineData("other")]
    [InlineData("forged")]
    public async Task A_report_naming_an_escalation_this_conversation_never_issued_changes_nothing(string which)
    {
        var client = Client(Chain(("billing", "general")));
        var mine = await client.EscalateAsync(ToBilling());
        var other = await client.EscalateAsync(TestData.Request(r => r with { ConversationId = "another-conversation", AgentSkillId = Billing, AgentSkillName = null }));
        var named = which == "other" ? other.EscalationId : "AAAAAAAAAAA-1";

        var error = await Assert.ThrowsAsync<EscalationException>(() => client.ReportTransferFailureAsync(Report(named)));
        var real = await client.ReportTransferFailureAsync(Report(mine.EscalationId));

        Assert.Equal(EscalationFailureKind.UnknownEscalation, error.Kind);
        Assert.Contains("TransferFailureReport.EscalationId", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, real.TransferFailures);
        Assert.Equal(General, real.FallbackSkillId);
        Assert.Equal([Billing, Billing, General], SentSkills);
    }

    [Theory]
    [InlineData("not-an-id")]
    [InlineData("abc.def")]
    [InlineData("111.x|y")]
    public async Task A_report_with_an_escalation_id_the_library_did_not_give_is_rejected_before_anything_happens(string escalationId)
    {
        var client = Client(Chain(("billing", "general")));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.ReportTransferFailureAsync(Report(escalationId)));

        Assert.Contains("TransferFailureReport.EscalationId", error.Message, StringComparison.Ordinal);
        Assert.Empty(_wire.Requests);
    }

    [Fact]
    public async Task A_report_with_the_guard_off_says_the_guard_remembers_failures()
    {
        var client = Client(o => o.DuplicateGuard.Enabled = false);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.ReportTransferFailureAsync(Report(escalationId: null)));

        Assert.Contains("DuplicateGuard:Enabled", error.Message, StringComparison.Ordinal);
        Assert.Empty(_wire.Requests);
    }

    [Fact]
    public async Task Another_skill_within_the_window_is_refused_naming_the_skill_and_escalation_it_really_went_to()
    {
        var client = Client();
        var first = await client.EscalateAsync(ToBilling());

        var refused = await Assert.ThrowsAsync<EscalationException>(() => client.EscalateAsync(TestData.Request(r => r with { AgentSkillId = General, AgentSkillName = null })));

        Assert.Equal(EscalationFailureKind.AlreadyEscalated, refused.Kind);
        Assert.Equal(Billing, refused.EarlierAgentSkillId);
        Assert.Equal(first.EscalationId, refused.EarlierEscalationId);
    }

    [Fact]
    public async Task Deduplicated_answers_carry_the_same_escalation_id()
    {
        var client = Client();

        var first = await client.EscalateAsync(ToBilling());
        var again = await client.EscalateAsync(ToBilling());

        Assert.NotNull(first.EscalationId);
        Assert.Equal(first.EscalationId, again.EscalationId);
    }

    [Fact]
    public async Task The_fake_client_fails_transfers_it_was_told_to_and_reports_them()
    {
        var fake = new FakeEscalationClient(o =>
        {
            o.Skills["billing"] = Billing;
            o.Skills["general"] = General;
            o.Fallback.Skills["billing"] = "general";
        });
        fake.FailTransfersTo(Billing);

        var first = await fake.EscalateAsync(ToBilling());
        var signal = Assert.Single(fake.TransferFailures);
        var report = await fake.ReportTransferFailureAsync(Report(first.EscalationId) with { ConversationId = signal.ConversationId });

        Assert.Equal(Billing, signal.AgentSkillId);
        Assert.Equal(General, report.FallbackSkillId);
        Assert.Equal(2, fake.Escalations.Count);
        Assert.Single(fake.TransferFailures);
    }

    [Fact]
    public async Task A_report_after_an_unknown_outcome_proves_it_was_accepted_and_sends_the_fallback()
    {
        _wire.Respond(System.Net.HttpStatusCode.InternalServerError);
        var client = Client(Chain(("billing", "general")));
        var unknown = await Assert.ThrowsAsync<EscalationException>(() => client.EscalateAsync(ToBilling()));
        _wire.Respond(System.Net.HttpStatusCode.OK, """{"status":"accepted"}""");

        var report = await client.ReportTransferFailureAsync(Report(escalationId: null));

        Assert.Equal(EscalationOutcome.Unknown, unknown.Outcome);
        Assert.Equal([Billing, General], SentSkills);
        Assert.Equal(Billing, report.FailedSkillId);
        Assert.False(report.Escalation!.IsDeduplicated);
    }

    [Fact]
    public async Task A_report_naming_nothing_while_the_fallback_was_refused_repeats_the_last_one_and_tries_the_fallback_again()
    {
        var client = Client(Chain(("billing", "general")));
        await client.EscalateAsync(ToBilling());
        _wire.Respond(System.Net.HttpStatusCode.BadRequest);
        await Assert.ThrowsAsync<EscalationException>(() => client.ReportTransferFailureAsync(Report(escalationId: null)));
        _wire.Respond(System.Net.HttpStatusCode.OK, """{"status":"accepted"}""");

        var again = await client.ReportTransferFailureAsync(Report(escalationId: null));

        Assert.True(again.IsRepeatedReport);
        Assert.Equal(1, again.TransferFailures);
        Assert.Equal([Billing, General, General], SentSkills);
        Assert.False(again.Escalation!.IsDeduplicated);
    }

    [Fact]
    public async Task A_repeated_report_without_the_fallback_it_first_named_sends_nothing()
    {
        var client = Client();
        var first = await client.EscalateAsync(ToBilling());
        var named = await client.ReportTransferFailureAsync(Report(first.EscalationId) with { FallbackSkillName = "overflow" });

        var repeated = await client.ReportTransferFailureAsync(Report(first.EscalationId));

        Assert.Equal([Billing, Overflow], SentSkills);
        Assert.True(repeated.IsRepeatedReport);
        Assert.Equal(named.EscalationId, repeated.EscalationId);
        Assert.Equal(Overflow, repeated.FallbackSkillId);
    }
}
