using System.Reflection;

namespace LivePersonEscalation.Internal;

/// <summary>The package version (without the commit suffix), read once for the User-Agent and the telemetry scopes.</summary>
internal static class LibraryVersion
{
    public static string Value { get; } =
        typeof(LibraryVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
