using LivePersonEscalation.Internal;

namespace LivePersonEscalation.Tests.DuplicateGuard;

/// <summary>
/// The guard's rules as a table: every state a conversation's record can be in, against every input, with the
/// verdict and the state after. The rules are pure, so each row is one call.
/// </summary>
public sealed class GuardRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan ClaimExpiry = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan FallbackWindow = TimeSpan.FromHours(1);
    private static readonly TransferFailureRules Rules = new(3, FallbackWindow, skill => skill == "1" ? "2" : null);

    public static TheoryData<string, string, string, string> ClaimTable => new()
    {
        // record,              caller,        verdict,    state after
        { "none",               "new",         "Claimed",  "InFlight" },
        { "in flight",          "new",         "Wait",     "InFlight" },
        { "in flight",          "owner",       "Claimed",  "InFlight" },
        { "in flight, expired", "new",         "Claimed",  "InFlight" },
        { "accepted",           "new",         "Earlier",  "Accepted" },
        { "accepted, expired",  "new",         "Claimed",  "InFlight" },
        { "unknown",            "new",         "Earlier",  "Unknown" },
        { "not accepted",       "new",         "Claimed",  "InFlight" },
        { "not accepted",       "waiter",      "Earlier",  "NotAccepted" },
        { "transfer failed",    "new",         "Claimed",  "InFlight" },
        { "given up",           "new",         "GivenUp",  "TransferFailed" },
        { "accepted",           "turn",        "Claimed",  "InFlight" },
        { "in flight",          "turn",        "Wait",     "InFlight" },
    };

    [Theory]
    [MemberData(nameof(ClaimTable))]
    public void Claim(string record, string caller, string verdict, string stateAfter)
    {
        var current = Record(record);
        var owner = caller == "owner" ? "A" : "B";

        var decision = GuardRules.Claim(current, owner, "1", ClaimExpiry, answersFromSettled: caller != "turn", waitedOn: caller == "waiter" ? "A" : null, Now);

        Assert.Equal(verdict, decision.Verdict.ToString());
        Assert.Equal(stateAfter, (decision.Next ?? GuardRules.Live(current, Now) ?? ConversationRecord.Empty).State.ToString());
        Assert.True(decision.Next is null || decision.Next.Owner == owner);
    }

    public static TheoryData<string, string, string, string> SettleTable => new()
    {
        // record,              settled by,    outcome,        state after ("-": nothing written)
        { "in flight",          "owner",       "Accepted",     "Accepted" },
        { "in flight",          "owner",       "Unknown",      "Unknown" },
        { "in flight",          "owner",       "NotAccepted",  "NotAccepted" },
        { "in flight",          "owner",       "None",         "None" },
        { "in flight",          "other",       "Accepted",     "InFlight" },
        { "in flight",          "other",       "None",         "-" },
        { "none",               "owner",       "Accepted",     "Accepted" },
        { "none",               "owner",       "NotAccepted",  "-" },
        { "in flight, expired", "owner",       "Accepted",     "Accepted" },
        { "accepted",           "owner",       "Accepted",     "-" },
        { "transfer failed",    "other",       "Accepted",     "Accepted" },
        { "counted before settle", "owner",    "Accepted",     "TransferFailed" },
    };

    [Theory]
    [MemberData(nameof(SettleTable))]
    public void Settle(string record, string settledBy, string outcome, string stateAfter)
    {
        var current = Record(record);
        var owner = settledBy == "owner" ? "A" : "C";
        var entry = ConversationRecord.Empty with { State = Enum.Parse<GuardState>(outcome), Owner = owner, SkillId = "1", StatusCode = 200 };

        var next = GuardRules.Settle(current, entry, Window, FallbackWindow, Now);

        Assert.Equal(stateAfter, next?.State.ToString() ?? "-");
        if (next is not null && outcome is "Accepted" or "Unknown")
        {
            Assert.NotNull(next.SkillOf(owner));
        }
    }

    public static TheoryData<string, string?, string, int> ReportTable => new()
    {
        // record,              escalation named, verdict,          failures after
        { "none",               null,             "NothingToReport", 0 },
        { "none",               "A",              "NothingToReport", 0 },
        { "accepted",           "A",              "Counted",         1 },
        { "accepted",           null,             "Counted",         1 },
        { "accepted",           "X",              "NotIssued",       0 },
        { "accepted",           "AAAAAAAAAAA-1",  "NotIssued",       0 },
        { "transfer failed",    "A",              "Repeated",        1 },
        { "transfer failed",    null,             "Repeated",        1 },
        { "given up",           "A",              "Repeated",        3 },
        { "accepted, 2 failed", "A",              "GaveUp",          3 },
        { "accepted to 2",      "A",              "GaveUp",          1 },
    };

    [Theory]
    [MemberData(nameof(ReportTable))]
    public void Report_a_transfer_failure(string record, string? named, string verdict, int failuresAfter)
    {
        var decision = GuardRules.ReportTransferFailure(Record(record), named, Rules, "F", ClaimExpiry, Now);

        Assert.Equal(verdict, decision.Verdict.ToString());
        Assert.Equal(failuresAfter, decision.Record?.TransferFailures ?? 0);
        Assert.Equal(verdict is "Counted" or "GaveUp", decision.Next is not null);
    }

    [Fact]
    public void A_counted_failure_claims_the_fallback_in_the_same_write()
    {
        var decision = GuardRules.ReportTransferFailure(Record("accepted"), "A", Rules, "F", ClaimExpiry, Now);

        Assert.Equal("2", decision.ClaimedFallbackSkillId);
        Assert.Equal(GuardState.InFlight, decision.Next!.State);
        Assert.Equal("F", decision.Next.Owner);
        Assert.Equal(["A"], decision.Next.Counted);
    }

    [Fact]
    public void A_shared_record_that_lost_everything_learns_the_instances_record_whole()
    {
        var local = Record("transfer failed");

        var merged = GuardRules.Merge(target: null, local, Now);

        Assert.Same(local, merged);
    }

    [Fact]
    public void Merging_adds_what_the_target_lacks_and_a_counted_escalation_stops_standing()
    {
        var shared = Record("accepted");
        var local = GuardRules.ReportTransferFailure(shared, "A", Rules, "F", ClaimExpiry, Now).Next!;

        var merged = GuardRules.Merge(shared, local, Now)!;

        Assert.Equal(["A"], merged.Counted);
        Assert.Equal(GuardState.InFlight, merged.State);
        Assert.Equal("F", merged.Owner);
        Assert.Null(GuardRules.Merge(merged, local, Now));
    }

    /// <summary>A record in the named state; the escalation "A" to skill "1" is its owner, issued when accepted.</summary>
    private static ConversationRecord? Record(string name)
    {
        var issued = new[] { new IssuedEscalation("A", "1") };
        var accepted = ConversationRecord.Empty with
        {
            State = GuardState.Accepted, Owner = "A", SkillId = "1", StatusCode = 200, EntryExpiresAt = Now + Window,
            Issued = issued, IssuedExpiresAt = Now + FallbackWindow,
        };
        return name switch
        {
            "none" => null,
            "in flight" => ConversationRecord.Empty with { State = GuardState.InFlight, Owner = "A", SkillId = "1", EntryExpiresAt = Now + ClaimExpiry },
            "in flight, expired" => ConversationRecord.Empty with { State = GuardState.InFlight, Owner = "A", SkillId = "1", EntryExpiresAt = Now - TimeSpan.FromSeconds(1), IssuedExpiresAt = Now + FallbackWindow },
            "accepted" => accepted,
            "accepted, expired" => accepted with { EntryExpiresAt = Now - TimeSpan.FromSeconds(1) },
            "accepted to 2" => accepted with { SkillId = "2", Issued = [new IssuedEscalation("A", "2")] },
            "accepted, 2 failed" => accepted with
            {
                Issued = [new IssuedEscalation("P", "1"), new IssuedEscalation("Q", "1"), .. issued],
                Counted = ["P", "Q"], FailedSkillId = "1", FailuresExpireAt = Now + FallbackWindow,
            },
            "unknown" => accepted with { State = GuardState.Unknown },
            "not accepted" => ConversationRecord.Empty with { State = GuardState.NotAccepted, Owner = "A", SkillId = "1", EntryExpiresAt = Now + GuardRules.RefusalKeep },
            "transfer failed" => accepted with { State = GuardState.TransferFailed, Counted = ["A"], FailedSkillId = "1", FailuresExpireAt = Now + FallbackWindow },
            "given up" => accepted with
            {
                State = GuardState.TransferFailed, Issued = [new IssuedEscalation("P", "1"), new IssuedEscalation("Q", "1"), .. issued],
                Counted = ["P", "Q", "A"], FailedSkillId = "1", GiveUpReason = TransferGiveUpReason.MaxTransferFailures, FailuresExpireAt = Now + FallbackWindow,
            },
            "counted before settle" => ConversationRecord.Empty with
            {
                State = GuardState.InFlight, Owner = "A", SkillId = "1", EntryExpiresAt = Now + ClaimExpiry,
                Issued = issued, IssuedExpiresAt = Now + FallbackWindow, Counted = ["A"], FailedSkillId = "1", FailuresExpireAt = Now + FallbackWindow,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such record in the table"),
        };
    }
}
