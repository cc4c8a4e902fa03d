using System.Text.Json;
using LivePersonEscalation.DuplicateGuard;

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

    /// <summary>
    /// The entry <paramref name="value"/> holds; a failed transfer (the script changes its letter alone) as
    /// <see cref="DuplicateGuardState.TransferFailed"/>, and a record that gave up (a claim's answer) as <see cref="DuplicateGuardState.GivenUp"/>.
    /// </summary>
    public static DuplicateGuardEntry? Decode(string? value)
    {
        var bar = value?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        if (bar < 0)
        {
            return null;
        }

        if (value![0] == GivenUpLetter)
        {
            return DuplicateGuardEntry.GivenUp(DecodeRecord(value, counted: false)!);
        }

        var entry = JsonSerializer.Deserialize(value.AsSpan(bar + 1), RedisEntryJsonContext.Default.DuplicateGuardEntry);
        return value[0] == 'F' && entry is not null ? entry with { State = DuplicateGuardState.TransferFailed } : entry;
    }

    /// <summary>A conversation's transfer record: <c>C|</c> (counting) or <c>G|</c> (gave up) and JSON a script can read with cjson.</summary>
    public static string EncodeRecord(TransferFailureRecord record) =>
        (record.GiveUpReason is null ? "C|" : "G|") + JsonSerializer.Serialize(
            new RedisTransferRecord
            {
                Failures = record.TransferFailures,
                Reported = " " + string.Join(" ", record.ReportedEscalationIds) + (record.ReportedEscalationIds.Count == 0 ? string.Empty : " "),
                Skill = record.FailedSkillId,
                GiveUp = record.GiveUpReason?.ToString(),
                Latest = record.LatestEscalationId,
            },
            RedisEntryJsonContext.Default.RedisTransferRecord);

    public static TransferFailureRecord? DecodeRecord(string? value, bool counted)
    {
        if (string.IsNullOrEmpty(value) || value!.Length < 2 || value[1] != '|')
        {
            return null;
        }

        var data = JsonSerializer.Deserialize(value.AsSpan(2), RedisEntryJsonContext.Default.RedisTransferRecord);
        if (data is null)
        {
            return null;
        }

        return new TransferFailureRecord
        {
            TransferFailures = data.Failures,
            ReportedEscalationIds = (data.Reported ?? string.Empty).Split([' '], StringSplitOptions.RemoveEmptyEntries),
            FailedSkillId = data.Skill ?? string.Empty,
            GiveUpReason = Enum.TryParse<TransferGiveUpReason>(data.GiveUp, out var reason) ? reason : null,
            LatestEscalationId = data.Latest,
            Counted = counted,
        };
    }

    private const char GivenUpLetter = 'G';

    /// <summary>The prefix of an entry of <paramref name="owner"/> in <paramref name="state"/>.</summary>
    public static string OwnerPrefix(DuplicateGuardState state, string owner) => StateLetter(state) + owner + "|";

    private static string StateLetter(DuplicateGuardState state) => state switch
    {
        DuplicateGuardState.InFlight => "I",
        DuplicateGuardState.Accepted => "A",
        DuplicateGuardState.Unknown => "U",
        DuplicateGuardState.TransferFailed => "F",
        _ => "N",
    };
}
