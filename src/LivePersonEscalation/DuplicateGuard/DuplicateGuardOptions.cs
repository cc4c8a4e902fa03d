using System.ComponentModel.DataAnnotations;

namespace LivePersonEscalation;

/// <summary>
/// The duplicate-escalation guard: one conversation, one escalation. A second escalation of a conversation while the
/// first is in flight waits for it; one within <see cref="Window"/> after an accepted one returns that result (marked
/// <see cref="EscalationResult.IsDeduplicated"/>) and sends nothing; one after an unknown outcome is handled as
/// <see cref="WhenOutcomeUnknown"/> says; one to another skill is refused (<see cref="EscalationFailureKind.AlreadyEscalated"/>).
/// Provably unaccepted escalations are forgotten at once. Bound from <c>LivePerson:Escalation:DuplicateGuard</c>.
/// </summary>
public sealed class DuplicateGuardOptions
{
    /// <summary>Whether the guard is on. Defaults to true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long an accepted (or unknown) escalation is remembered, up to 1 hour. Defaults to 30 seconds.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The most settled conversations (accepted, or with an unknown outcome) this instance remembers at once, 1 to
    /// 1,000,000 (1,000 by default); beyond it the oldest are forgotten first, so a flood of distinct conversations
    /// cannot grow memory. Escalations in flight are never forgotten and never push a settled one out. The conversations
    /// with reported transfer failures (see <see cref="EscalationOptions.Fallback"/>) are bounded by the same count, apart.
    /// </summary>
    [Range(1, 1_000_000, ErrorMessage = "must be between {1} and {2}.")]
    public int MaxConversations { get; set; } = 1_000;

    /// <summary>
    /// The most bytes this instance's settled entries may hold, 64 KiB to 1 GiB (4 MiB by default, about 8,000 entries
    /// of a 200-character body); beyond it the oldest are forgotten first. Escalations in flight have a budget of the
    /// same size of their own: past it (more than about 10,000 at once with the default) a new one is handled as
    /// <see cref="WhenStoreUnavailable"/> says, with an error log and the metric <c>liveperson.escalation.guard_unavailable</c>
    /// (reason <c>capacity</c>). Each entry keeps at most 1,024 characters of
    /// the response body, so a deduplicated result's body may be the start of the original one.
    /// </summary>
    [Range(64 * 1024, 1024 * 1024 * 1024, ErrorMessage = "must be between {1} (64 KiB) and {2} (1 GiB).")]
    public int MaxMemoryBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>What a repeat gets within the window after an escalation whose outcome is unknown. Defaults to <see cref="OutcomeUnknownHandling.RefuseRepeats"/>.</summary>
    public OutcomeUnknownHandling WhenOutcomeUnknown { get; set; } = OutcomeUnknownHandling.RefuseRepeats;

    /// <summary>
    /// What an escalation does when the shared store (Redis) cannot be reached in time, or this instance's store is
    /// at its byte budget. Defaults to <see cref="StoreUnavailableHandling.SendUnguarded"/>: sent, guarded by this
    /// instance alone.
    /// </summary>
    public StoreUnavailableHandling WhenStoreUnavailable { get; set; } = StoreUnavailableHandling.SendUnguarded;

    /// <summary>The guard on Redis, shared by a fleet of instances; off unless registered with <c>AddRedisDuplicateGuard()</c>.</summary>
    public RedisDuplicateGuardOptions Redis { get; set; } = new();
}
