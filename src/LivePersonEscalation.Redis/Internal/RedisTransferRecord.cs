using LivePersonEscalation.DuplicateGuard;

namespace LivePersonEscalation.Redis.Internal;

/// <summary>
/// A <see cref="TransferFailureRecord"/> as Redis keeps it, in a shape the scripts read and write with cjson: the
/// reported ids as one space-separated string (cjson cannot tell an empty array from an empty object), and no nulls.
/// </summary>
internal sealed class RedisTransferRecord
{
    public int Failures { get; set; }

    public string? Reported { get; set; }

    public string? Skill { get; set; }

    public string? GiveUp { get; set; }

    public string? Latest { get; set; }
}
