namespace LivePersonEscalation.Documentation.Tests;

/// <summary>A fenced code block of a markdown file, with the prose that comes before it.</summary>
/// <param name="File">The markdown file, relative to the repository root.</param>
/// <param name="Line">The line of the opening fence, 1-based.</param>
/// <param name="Language">The fence's info string: <c>csharp</c>, <c>json</c>, <c>bash</c>, or empty.</param>
/// <param name="Code">The block's text, without the fences.</param>
/// <param name="TextBefore">Everything in the file before the opening fence.</param>
/// <param name="TextSincePreviousBlock">The prose between the previous block's closing fence and this block.</param>
internal sealed record MarkdownCodeBlock(string File, int Line, string Language, string Code, string TextBefore, string TextSincePreviousBlock)
{
    public string Id => $"{File}:{Line}";

    /// <summary>Reads every fenced block of a markdown file, in order.</summary>
    public static IReadOnlyList<MarkdownCodeBlock> Read(string repositoryRoot, string relativePath)
    {
        var lines = System.IO.File.ReadAllLines(Path.Combine(repositoryRoot, relativePath));
        var blocks = new List<MarkdownCodeBlock>();
        var consumed = 0;
        var previousEnd = 0;
        while (consumed < lines.Length)
        {
            var open = Array.FindIndex(lines, consumed, line => line.StartsWith("```", StringComparison.Ordinal));
            if (open < 0)
            {
                break;
            }

            var close = Array.FindIndex(lines, open + 1, line => line.TrimEnd() == "```");
            Assert.True(close > open, $"{relativePath}:{open + 1}: a code block that is never closed");
            blocks.Add(new MarkdownCodeBlock(
                relativePath,
                open + 1,
                lines[open][3..].Trim(),
                string.Join('\n', lines[(open + 1)..close]) + "\n",
                string.Join('\n', lines[..open]),
                string.Join('\n', lines[previousEnd..open])));
            consumed = close + 1;
            previousEnd = close + 1;
        }

        return blocks;
    }
}
