namespace LivePersonEscalation.Documentation.Tests;

/// <summary>The repository this test runs in, and the markdown files whose code it checks.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The markdown a reader copies code from: the repository's README, its guides in docs/, and each package's README.</summary>
    public static readonly string[] Readmes =
    [
        "README.md",
        .. Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Select(path => "docs/" + Path.GetFileName(path)).Order(StringComparer.Ordinal),
        "src/LivePersonEscalation/PACKAGE.md",
        "src/LivePersonEscalation.Redis/README.md",
        "src/LivePersonEscalation.Availability/README.md",
        "src/LivePersonEscalation.Testing/README.md",
    ];

    public static IReadOnlyList<MarkdownCodeBlock> AllBlocks() =>
        Readmes.SelectMany(readme => MarkdownCodeBlock.Read(Root, readme)).ToList();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LivePersonEscalation.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No LivePersonEscalation.sln above {AppContext.BaseDirectory}.");
    }
}
