using System.Reflection;

namespace LivePersonEscalation.Documentation.Tests;

/// <summary>A README block compiled, and the assemblies of what its code names.</summary>
internal sealed record CompiledProgram(Assembly Assembly, IReadOnlyList<string> UsedAssemblies);
