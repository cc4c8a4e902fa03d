using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace LivePersonEscalation.Internal;

/// <summary>Argument checks that also compile on netstandard2.0, where the BCL throw helpers are missing.</summary>
internal static class Argument
{
    public static T NotNull<T>([NotNull] T? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where T : class
    {
        if (value is null)
        {
            throw new ArgumentNullException(paramName);
        }

        return value;
    }
}
