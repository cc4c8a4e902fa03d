using System.Text.Json;

namespace LivePersonEscalation.Redis.Internal;

/// <summary>
/// How an entry is kept in Redis: one letter for its state, its owner, a bar, then the entry as JSON, e.g.
/// <c>I3f2c…-17|{"state":…}</c>. The scripts compare the <c>state + owner + "|"</c> prefix, so completing a claim
/// is owner-checked without parsing JSON in Lua.
/// </summary>
internal static class RedisEntryCodec
{
    public static string Encode(DuplicateGuardEntry entry) =>
        OwnerPrefix(entry.State, entry.Owner) + JsonSerializer.Serialize(entry, RedisEntryJsonContext.Default.DuplicateGuardEntry);

    public static DuplicateGuardEntry? Decode(string? value)
    {
        var bar = value?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        return bar < 0 ? null : JsonSerializer.Deserialize(value.AsSpan(bar + 1), RedisEntryJsonContext.Default.DuplicateGuardEntry);
    }

    /// <summary>The prefix of an entry of <paramref name="owner"/> in <paramref name="state"/>.</summary>
    public static string OwnerPrefix(DuplicateGuardState state, string owner) => StateLetter(state) + owner + "|";

    private static string StateLetter(DuplicateGuardState state) => state switch
    {
        DuplicateGuardState.InFlight => "I",
        DuplicateGuardState.Accepted => "A",
        DuplicateGuardState.OutcomeUnknown => "U",
        _ => "N",
    };
}
