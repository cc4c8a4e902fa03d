using Microsoft.CodeAnalysis;

namespace LivePersonEscalation.Documentation.Tests;

/// <summary>
/// The <c>dotnet new</c> template a README block is a file of: what it gives the block for free (implicit usings,
/// packages) and how the block runs. A block that builds a host is a worker's <c>Program.cs</c>; one with
/// <c>[Fact]</c> tests is a test class of <c>dotnet new xunit</c>; anything else is a console <c>Program.cs</c>.
/// </summary>
internal sealed record ProjectTemplate(string Name, OutputKind Output, string[] ImplicitUsings, string[] Packages)
{
    // What the .NET SDK's ImplicitUsings gives every project, then what the Worker SDK and the xunit template add.
    private static readonly string[] SdkUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    public static ProjectTemplate Console { get; } = new("console", OutputKind.ConsoleApplication, SdkUsings, []);

    public static ProjectTemplate Worker { get; } = new(
        "worker",
        OutputKind.ConsoleApplication,
        [.. SdkUsings, "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging"],
        ["Microsoft.Extensions.Hosting"]);

    public static ProjectTemplate Xunit { get; } = new("xunit", OutputKind.DynamicallyLinkedLibrary, [.. SdkUsings, "Xunit"], ["xunit"]);

    public static ProjectTemplate For(string code) =>
        code.Contains("[Fact", StringComparison.Ordinal) ? Xunit
        : code.Contains("Host.CreateApplicationBuilder", StringComparison.Ordinal) ? Worker
        : Console;

    public string GlobalUsingsFile => string.Concat(ImplicitUsings.Select(name => $"global using global::{name};\n"));
}
