using System.Net;

namespace LivePersonEscalation.DuplicateGuard;

/// <summary>
/// What the duplicate guard keeps of one conversation: its state, the call that owns it, the skill it went to, and
/// what a deduplicated answer needs. Small by design (the body is capped at <see cref="MaxBodyLength"/>, and the API
/// access key is taken out of it) so a store can keep many; stores treat it as an opaque value apart from <see cref="State"/> and <see cref="Owner"/>.
/// </summary>
public sealed record DuplicateGuardEntry
{
    /// <summary>The most characters of a response body remembered for deduplicated answers: 1,024.</summary>
    public const int MaxBodyLength = 1024;

    /// <summary>The conversation's state.</summary>
    public required DuplicateGuardState State { get; init; }

    /// <summary>
    /// An opaque id of the call that claimed the conversation; only that call may settle it. Once accepted, it is the
    /// escalation's <see cref="EscalationResult.EscalationId"/>.
    /// </summary>
    public required string Owner { get; init; }

    /// <summary>The numeric skill id the escalation went to.</summary>
    public required string AgentSkillId { get; init; }

    /// <summary>The accepting status code (<see cref="DuplicateGuardState.Accepted"/>), else 0.</summary>
    public HttpStatusCode StatusCode { get; init; }

    /// <summary>The service's correlation id of the answer, when there was one.</summary>
    public string? RequestId { get; init; }

    /// <summary>The start of the accepting body, at most <see cref="MaxBodyLength"/> characters.</summary>
    public string Body { get; init; } = string.Empty;

    /// <summary>True when <see cref="Body"/> holds only the start of the body.</summary>
    public bool IsBodyTruncated { get; init; }

    /// <summary>How many HTTP attempts the escalation took.</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>How long the escalation took.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>
    /// Why the outcome is unknown, or what refused it (the name of an <see cref="EscalationFailureKind"/>); null for
    /// an acceptance. Opaque to stores.
    /// </summary>
    public string? Reason { get; init; }

    /// <summary>The conversation's transfer failures so far (<see cref="DuplicateGuardState.GivenUp"/>), else 0.</summary>
    public int TransferFailures { get; init; }

    /// <summary>The entry a claim answers for a conversation whose <paramref name="record"/> gave up (see <see cref="IDuplicateGuardStore.TryClaimAsync"/>).</summary>
    /// <param name="record">The conversation's transfer record, given up.</param>
    /// <returns>A <see cref="DuplicateGuardState.GivenUp"/> entry naming the skill that failed last, why, and how often.</returns>
    public static DuplicateGuardEntry GivenUp(TransferFailureRecord record) => new()
    {
        State = DuplicateGuardState.GivenUp,
        Owner = string.Empty,
        AgentSkillId = (record ?? throw new ArgumentNullException(nameof(record))).FailedSkillId,
        Reason = record.GiveUpReason?.ToString(),
        TransferFailures = record.TransferFailures,
    };
}
