using System.Net;
using System.Text.RegularExpressions;
using LivePersonEscalation.Internal;

namespace LivePersonEscalation.Tests.Transport;

/// <summary>The retry table of docs/fleets.md, row by row, against the classifier every part of the client reads.</summary>
public sealed partial class DocumentedRetriesTests
{
    public static TheoryData<int, string> StatusRows()
    {
        var rows = new TheoryData<int, string>();
        foreach (var (outcome, retried) in ReadTable())
        {
            foreach (var status in StatusesOf(outcome))
            {
                rows.Add(status, retried);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(StatusRows))]
    public void Each_documented_status_is_retried_and_classified_as_the_docs_say(int status, string retried)
    {
        var answer = AnswerClassifier.OfStatus((HttpStatusCode)status);

        Assert.Equal(retried.StartsWith("yes", StringComparison.Ordinal), answer.IsRetryable);
        Assert.Equal(retried.Contains("`Outcome` is `Unknown`", StringComparison.Ordinal), answer.Outcome == EscalationOutcome.Unknown);
        Assert.NotEqual(EscalationOutcome.Accepted, answer.Outcome);
    }

    [Fact]
    public void The_table_names_every_status_the_classifier_retries()
    {
        var documented = ReadTable().Where(row => row.Retried.StartsWith("yes", StringComparison.Ordinal)).SelectMany(row => StatusesOf(row.Outcome)).ToHashSet();
        var retried = Enumerable.Range(100, 500).Where(status => AnswerClassifier.OfStatus((HttpStatusCode)status).IsRetryable).ToHashSet();

        Assert.Equal(retried.Order(), documented.Order());
    }

    /// <summary>The statuses a row names: each <c>HTTP nnn</c> and <c>nnn</c>; "other 5xx" and "any other 4xx" stand for 599 and 499.</summary>
    private static IEnumerable<int> StatusesOf(string outcome)
    {
        foreach (Match match in ThreeDigits().Matches(outcome))
        {
            yield return int.Parse(match.Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (outcome.Contains("other 5xx", StringComparison.Ordinal))
        {
            yield return 599;
        }

        if (outcome.Contains("other 4xx", StringComparison.Ordinal))
        {
            yield return 499;
        }
    }

    private static List<(string Outcome, string Retried)> ReadTable()
    {
        var lines = RepositoryFiles.ReadLines("docs", "fleets.md");
        var header = Array.FindIndex(lines, line => line.StartsWith("| outcome | retried? | why |", StringComparison.Ordinal));
        Assert.True(header >= 0, "docs/fleets.md has no retry table");
        return lines.Skip(header + 2).TakeWhile(line => line.StartsWith('|')).Select(line =>
        {
            var cells = line.Trim('|').Split('|').Select(cell => cell.Trim()).ToArray();
            return (cells[0], cells[1]);
        }).ToList();
    }

    [GeneratedRegex(@"\b[1-5][0-9][0-9]\b")]
    private static partial Regex ThreeDigits();
}
