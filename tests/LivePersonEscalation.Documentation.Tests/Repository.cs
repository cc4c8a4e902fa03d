namespace LivePersonEscalation.Documentation.Tests;

/// <summary>The repository this test runs in, and the markdown files whose code it checks.</summary>
internal static class Repository
{
    /// <summary>The READMEs a reader copies code from: the repository's and each package's.</summary>
    public static readonly string[] Readmes =
    [
        "README.md",
        "src/LivePersonEscalation/PACKAGE.md",
        "src/LivePersonEscalation.Redis/README.md",
        "src/LivePersonEscalation.Testing/README.md",
    ];

    public static string Root { get; } = FindRoot();

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
