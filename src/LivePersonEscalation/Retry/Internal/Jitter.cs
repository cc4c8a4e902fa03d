namespace LivePersonEscalation.Internal;

/// <summary>Thread-safe randomness for retry jitter (not for security).</summary>
internal static class Jitter
{
#if NET
    public static double NextDouble() => Random.Shared.NextDouble();
#else
    [ThreadStatic]
    private static Random? _random;

    public static double NextDouble() => (_random ??= new Random(Guid.NewGuid().GetHashCode())).NextDouble();
#endif
}
