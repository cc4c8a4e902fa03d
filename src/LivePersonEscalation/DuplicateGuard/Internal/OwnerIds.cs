using System.Globalization;

namespace LivePersonEscalation.Internal;

/// <summary>
/// Ids of the calls that claim conversations: unique across processes (a random prefix drawn once per process)
/// and within one (a counter). Unique is all a claim needs; a fresh random id per call costs far more.
/// </summary>
internal static class OwnerIds
{
    private static readonly string ProcessPrefix = Guid.NewGuid().ToString("N") + "-";
    private static long _next;

    public static string Next() => ProcessPrefix + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
}
