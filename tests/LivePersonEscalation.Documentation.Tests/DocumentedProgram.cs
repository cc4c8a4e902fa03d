namespace LivePersonEscalation.Documentation.Tests;

/// <summary>
/// A C# block of a README as a reader would use it: the file of a fresh project of its template, with the
/// <c>appsettings.json</c> the README gives it (the next json block, when the prose before it names that file).
/// </summary>
internal sealed record DocumentedProgram(MarkdownCodeBlock Block, ProjectTemplate Template, string? Appsettings)
{
    public string Id => Block.Id;

    public static IReadOnlyList<DocumentedProgram> All()
    {
        var programs = new List<DocumentedProgram>();
        foreach (var readme in Repository.Readmes)
        {
            var blocks = MarkdownCodeBlock.Read(Repository.Root, readme);
            for (var i = 0; i < blocks.Count; i++)
            {
                if (blocks[i].Language == "csharp")
                {
                    programs.Add(new DocumentedProgram(blocks[i], ProjectTemplate.For(blocks[i].Code), AppsettingsAfter(blocks, i)?.Code));
                }
            }
        }

        return programs;
    }

    /// <summary>The json blocks that are not a program's appsettings.json: configuration shown on its own.</summary>
    public static IReadOnlyList<MarkdownCodeBlock> StandaloneConfiguration()
    {
        var standalone = new List<MarkdownCodeBlock>();
        foreach (var readme in Repository.Readmes)
        {
            var blocks = MarkdownCodeBlock.Read(Repository.Root, readme);
            for (var i = 0; i < blocks.Count; i++)
            {
                var isAppsettings = i > 0 && blocks[i - 1].Language == "csharp" && AppsettingsAfter(blocks, i - 1) is not null;
                if (blocks[i].Language == "json" && !isAppsettings)
                {
                    standalone.Add(blocks[i]);
                }
            }
        }

        return standalone;
    }

    private static MarkdownCodeBlock? AppsettingsAfter(IReadOnlyList<MarkdownCodeBlock> blocks, int index) =>
        index + 1 < blocks.Count
        && blocks[index + 1].Language == "json"
        && blocks[index + 1].TextSincePreviousBlock.Contains("appsettings.json", StringComparison.Ordinal)
            ? blocks[index + 1]
            : null;
}
