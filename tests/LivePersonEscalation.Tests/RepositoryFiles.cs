namespace LivePersonEscalation.Tests;

/// <summary>Files of the repository the tests run in: the docs whose tables tests pin to the code.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string[] ReadLines(params string[] path) => File.ReadAllLines(Path.Combine([Root.Value, .. path]));

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
