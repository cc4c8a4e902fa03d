using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LivePersonEscalation.Documentation.Tests;

/// <summary>
/// Compiles a README block as the reader's project would: the block as its only source file, the template's
/// implicit usings, nullable on, C# of the SDK, and every warning a failure. It references everything this test
/// process runs on; <see cref="PackageLedger"/> then checks that what the block names comes from packages the README names.
/// </summary>
internal static class BlockCompiler
{
    // The warnings the .NET SDK silences in every project (assembly version unification).
    private static readonly string[] SdkSilencedWarnings = ["CS1701", "CS1702"];

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList());

    public static CompiledProgram Compile(DocumentedProgram program)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "ReadmeBlock_" + string.Concat(program.Id.Select(c => char.IsLetterOrDigit(c) ? c : '_')),
            [
                CSharpSyntaxTree.ParseText(program.Block.Code, parse, path: program.Id),
                CSharpSyntaxTree.ParseText(program.Template.GlobalUsingsFile, parse, path: "GlobalUsings.g.cs"),
            ],
            References.Value,
            new CSharpCompilationOptions(
                program.Template.Output,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                specificDiagnosticOptions: SdkSilencedWarnings.ToDictionary(id => id, _ => ReportDiagnostic.Suppress)));

        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        var problems = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        Assert.True(
            problems.Count == 0,
            $"{program.Id} does not compile cleanly as the Program.cs / test file of `dotnet new {program.Template.Name}`:\n{string.Join('\n', problems)}");

        return new CompiledProgram(Assembly.Load(image.ToArray()), AssembliesNamedBy(compilation, compilation.SyntaxTrees.First()));
    }

    /// <summary>The assemblies of every type, member and extension method the block's own code names.</summary>
    private static List<string> AssembliesNamedBy(CSharpCompilation compilation, SyntaxTree block)
    {
        var model = compilation.GetSemanticModel(block);
        return block.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.SimpleNameSyntax>()
            .Select(name => model.GetSymbolInfo(name).Symbol)
            .Select(symbol => symbol is IMethodSymbol { ReducedFrom: { } extension } ? extension : symbol)
            .Select(symbol => symbol?.ContainingAssembly)
            .OfType<IAssemblySymbol>()
            .Distinct(SymbolEqualityComparer.Default)
            .Select(assembly => compilation.GetMetadataReference((IAssemblySymbol)assembly!))
            .OfType<PortableExecutableReference>()
            .Select(reference => reference.FilePath!)
            .ToList();
    }
}
