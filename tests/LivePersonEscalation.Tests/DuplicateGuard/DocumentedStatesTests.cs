using LivePersonEscalation.Internal;

namespace LivePersonEscalation.Tests.DuplicateGuard;

/// <summary>The state table of docs/fleets.md, row by row, against the rules the guard runs: the docs cannot drift from the code.</summary>
public sealed class DocumentedStatesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    public static TheoryData<string, string> Rows()
    {
        var rows = new TheoryData<string, string>();
        foreach (var (state, sends) in ReadTable())
        {
            rows.Add(state, sends);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_repeat_in_each_documented_state_is_decided_as_the_docs_say(string state, string sends)
    {
        var decision = GuardRules.Claim(RecordIn(state), "repeat", "1", TimeSpan.FromMinutes(1), answersFromSettled: true, waitedOn: null, Now);

        var decided = decision.Verdict switch
        {
            ClaimVerdict.Claimed => "yes",
            ClaimVerdict.Wait => "waits",
            _ => "no",
        };
        Assert.Equal(sends, decided);
    }

    [Fact]
    public void The_table_documents_every_state_and_the_give_up()
    {
        var documented = ReadTable().Select(row => row.State).ToList();

        Assert.Equal(["none", "in flight", "accepted", "outcome unknown", "provably not accepted", "transfer failed", "given up"], documented);
        Assert.Equal(Enum.GetValues<GuardState>().Length + 1, documented.Count); // every state, and the give-up beside them
    }

    private static ConversationRecord? RecordIn(string state)
    {
        var entry = ConversationRecord.Empty with { Owner = "first", SkillId = "1", EntryExpiresAt = Now + Window, IssuedExpiresAt = Now + TimeSpan.FromHours(1) };
        return state switch
        {
            "none" => null,
            "in flight" => entry with { State = GuardState.InFlight },
            "accepted" => entry with { State = GuardState.Accepted, StatusCode = 200 },
            "outcome unknown" => entry with { State = GuardState.Unknown, FailureKind = EscalationFailureKind.Timeout },
            "provably not accepted" => entry with { State = GuardState.NotAccepted, FailureKind = EscalationFailureKind.Rejected },
            "transfer failed" => entry with { State = GuardState.TransferFailed, Counted = ["first"], FailuresExpireAt = Now + TimeSpan.FromHours(1) },
            "given up" => entry with
            {
                State = GuardState.TransferFailed, Counted = ["first"], FailedSkillId = "1",
                GiveUpReason = TransferGiveUpReason.NoFallbackSkill, FailuresExpireAt = Now + TimeSpan.FromHours(1),
            },
            _ => throw new ArgumentOutOfRangeException(nameof(state), state, "docs/fleets.md names a state the test does not know"),
        };
    }

    /// <summary>The rows of the table whose header is <c>| state | entered when | … | sends? |</c>: each state and its last column.</summary>
    private static List<(string State, string Sends)> ReadTable()
    {
        var lines = RepositoryFiles.ReadLines("docs", "fleets.md");
        var header = Array.FindIndex(lines, line => line.StartsWith("| state | entered when |", StringComparison.Ordinal) && line.TrimEnd().EndsWith("| sends? |", StringComparison.Ordinal));
        Assert.True(header >= 0, "docs/fleets.md has no state table ending in a 'sends?' column");
        return lines.Skip(header + 2).TakeWhile(line => line.StartsWith('|')).Select(line =>
        {
            var cells = line.Trim('|').Split('|').Select(cell => cell.Trim()).ToArray();
            return (cells[0], cells[^1]);
        }).ToList();
    }
}
