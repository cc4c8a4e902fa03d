using System.Net;
using System.Text.Json.Serialization;

namespace LivePersonEscalation.Internal;

/// <summary>
/// Everything the duplicate guard knows of one conversation, as one immutable value: where its latest escalation
/// stands (<see cref="State"/>, its owner, skill and answer), the escalations it issued, the transfer failures
/// reported (and which escalations they counted), and whether the library gave up. Only <see cref="GuardRules"/>
/// makes new ones; stores keep them whole, inside a <see cref="DuplicateGuard.DuplicateGuardRecord"/>. Each part has its own
/// expiry: the entry its window (or the claim's expiry), the failures the fallback window, the issued ids too.
/// </summary>
internal sealed record ConversationRecord
{
    /// <summary>The most characters of a response body remembered for deduplicated answers: 1,024.</summary>
    public const int MaxBodyLength = 1024;

    /// <summary>The most escalations a record remembers having issued (the latest ones).</summary>
    public const int MaxIssued = 16;

    public static readonly ConversationRecord Empty = new();

    public GuardState State { get; init; }

    /// <summary>The escalation id of the call that owns the entry; empty when <see cref="State"/> is <see cref="GuardState.None"/>.</summary>
    public string Owner { get; init; } = string.Empty;

    /// <summary>The numeric skill id the entry's escalation went to.</summary>
    public string SkillId { get; init; } = string.Empty;

    /// <summary>When the entry (a claim, an answer, a refusal) stops counting.</summary>
    public DateTimeOffset EntryExpiresAt { get; init; }

    /// <summary>The transfer failures the conversation had when the entry's escalation was claimed.</summary>
    public int EntryTransferFailures { get; init; }

    /// <summary>The accepting status, or the refusing one; 0 when there was none.</summary>
    public int StatusCode { get; init; }

    public string? RequestId { get; init; }

    /// <summary>The start of the accepting body, key redacted, at most <see cref="MaxBodyLength"/> characters.</summary>
    public string Body { get; init; } = string.Empty;

    public bool IsBodyTruncated { get; init; }

    public int Attempts { get; init; }

    public long ElapsedMs { get; init; }

    /// <summary>Why the outcome is unknown, or what refused it; null for an acceptance.</summary>
    public EscalationFailureKind? FailureKind { get; init; }

    /// <summary>The escalations issued for the conversation and accepted (or possibly accepted), oldest first.</summary>
    public IReadOnlyList<IssuedEscalation> Issued { get; init; } = [];

    /// <summary>Until when <see cref="Issued"/> is kept: the fallback window after the latest one.</summary>
    public DateTimeOffset IssuedExpiresAt { get; init; }

    /// <summary>The issued escalations whose transfer failure was counted; their count is the conversation's failures.</summary>
    public IReadOnlyList<string> Counted { get; init; } = [];

    /// <summary>The numeric skill of the transfer that failed last.</summary>
    public string? FailedSkillId { get; init; }

    /// <summary>Why the library gave up on the conversation; null while it still escalates.</summary>
    public TransferGiveUpReason? GiveUpReason { get; init; }

    /// <summary>Until when the failures (and a give-up) are kept: the fallback window after the latest report.</summary>
    public DateTimeOffset FailuresExpireAt { get; init; }

    /// <summary>The conversation's transfer failures within the fallback window.</summary>
    [JsonIgnore]
    public int TransferFailures => Counted.Count;

    /// <summary>When the whole record may be forgotten: its longest-lived part.</summary>
    [JsonIgnore]
    public DateTimeOffset ExpiresAt =>
        Max(EntryExpiresAt, Max(IssuedExpiresAt, FailuresExpireAt));

    [JsonIgnore]
    public HttpStatusCode Status => (HttpStatusCode)StatusCode;

    [JsonIgnore]
    public TimeSpan Elapsed => TimeSpan.FromMilliseconds(ElapsedMs);

    /// <summary>The skill <paramref name="escalationId"/> went to, when this record issued it.</summary>
    public string? SkillOf(string escalationId)
    {
        foreach (var issued in Issued)
        {
            if (issued.Id == escalationId)
            {
                return issued.SkillId;
            }
        }

        return null;
    }

    /// <summary>Describes the record without ids or body.</summary>
    public override string ToString() =>
        $"ConversationRecord {{ State = {State}, SkillId = {SkillId}, Issued = {Issued.Count}, TransferFailures = {TransferFailures}, GiveUpReason = {GiveUpReason?.ToString() ?? "(none)"} }}";

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
