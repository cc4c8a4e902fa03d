using System.Globalization;

namespace LivePersonEscalation.Internal;

/// <summary>
/// Ids of the calls that claim conversations: unique across processes (a random prefix drawn once per process)
/// and within one (a counter). Unique is all a claim needs; a fresh random id per call costs far more.
/// </summary>
internal static class OwnerIds
{
    // 64 random bits: instances of a fleet do not collide.
    private static readonly string ProcessPrefix = Convert.ToBase64String(Guid.NewGuid().ToByteArray(), 0, 8).TrimEnd('=') + "-";
    private static long _next;

    public static string Next() => ProcessPrefix + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
}
