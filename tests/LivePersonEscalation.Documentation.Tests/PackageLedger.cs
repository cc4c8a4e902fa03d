using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyModel;

namespace LivePersonEscalation.Documentation.Tests;

/// <summary>
/// Which package each assembly of this test process comes from, and what each package brings with it, read from
/// the test's .deps.json. It answers: does a README block use a package that the README never tells the reader
/// to add (and that no package it does name brings along)?
/// </summary>
internal static partial class PackageLedger
{
    private static readonly DependencyContext Context = DependencyContext.Load(typeof(PackageLedger).Assembly)
        ?? throw new InvalidOperationException("The test assembly has no .deps.json.");

    private static readonly Dictionary<string, string> PackageOfAssembly = Context.RuntimeLibraries
        .SelectMany(library => library.RuntimeAssemblyGroups.SelectMany(group => group.AssetPaths).Select(path => (File: Path.GetFileName(path), library.Name)))
        .GroupBy(entry => entry.File, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(group => group.Key, group => group.First().Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The packages that the given assemblies come from; the shared framework's assemblies are no package.</summary>
    public static IReadOnlySet<string> PackagesOf(IEnumerable<string> assemblyPaths) =>
        assemblyPaths.Where(path => path.StartsWith(AppContext.BaseDirectory, StringComparison.Ordinal))
            .Select(path => PackageOfAssembly.GetValueOrDefault(Path.GetFileName(path)))
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The given packages and everything they depend on.</summary>
    public static IReadOnlySet<string> WithDependencies(IEnumerable<string> packages)
    {
        var libraries = Context.RuntimeLibraries.ToDictionary(library => library.Name, StringComparer.OrdinalIgnoreCase);
        var closure = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<string>(packages);
        while (pending.TryPop(out var name))
        {
            if (closure.Add(name) && libraries.TryGetValue(name, out var library))
            {
                foreach (var dependency in library.Dependencies)
                {
                    pending.Push(dependency.Name);
                }
            }
        }

        return closure;
    }

    /// <summary>The packages a markdown text tells its reader to add: <c>dotnet add package NAME</c>.</summary>
    public static IEnumerable<string> NamedIn(string markdown) =>
        AddPackage().Matches(markdown).Select(match => match.Groups["name"].Value);

    [GeneratedRegex(@"dotnet add package (?<name>[A-Za-z0-9_.\-]+)")]
    private static partial Regex AddPackage();
}
