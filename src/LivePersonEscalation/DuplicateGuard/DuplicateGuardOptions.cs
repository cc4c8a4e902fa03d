namespace LivePersonEscalation;

/// <summary>
/// The duplicate-escalation guard: one conversation, one escalation. A second escalation of a conversation while the
/// first is in flight waits for it; one within <see cref="Window"/> after an accepted one returns that result (marked
/// <see cref="EscalationResult.IsDeduplicated"/>) and sends nothing; one after an unknown outcome is handled as
/// <see cref="AllowRepeatsWhenOutcomeUnknown"/> says; one to another skill is refused (<see cref="EscalationFailureKind.AlreadyEscalated"/>).
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
    public int MaxConversations { get; set; } = 1_000;

    /// <summary>
    /// The most bytes this instance's settled entries may hold, 64 KiB to 1 GiB (4 MiB by default, about 8,000 entries
    /// of a 200-character body); beyond it the oldest are forgotten first. Escalations in flight have a budget of the
    /// same size of their own: past it (more than about 10,000 at once with the default) a new one is handled as
    /// <see cref="RefuseWhenStoreUnavailable"/> says, with an error log and the metric <c>liveperson.escalation.guard_unavailable</c>
    /// (reason <c>capacity</c>). Each entry keeps at most 1,024 characters of
    /// the response body, so a deduplicated result's body may be the start of the original one.
    /// </summary>
    public int MaxMemoryBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// Whether a repeat within the window after an escalation whose outcome is unknown is sent again. False (the
    /// default): it is refused with the earlier <see cref="EscalationException"/> (marked
    /// <see cref="EscalationException.IsDeduplicated"/>) and nothing is sent. Safe, because LivePerson documents no
    /// idempotency: if the first request was accepted, a second transfers the conversation twice; if it was not, or
    /// the transfer fails later, LivePerson tells the bot with <see cref="TransferFailureReport.EscalationFailedSignal"/>.
    /// True: the conversation is forgotten at once, like one provably not accepted, and the next call sends again.
    /// </summary>
    public bool AllowRepeatsWhenOutcomeUnknown { get; set; }

    /// <summary>
    /// Whether an escalation is refused when the shared store (Redis) cannot be reached in time, or this instance's
    /// store is at its byte budget. False (the default, fail-open): it goes out, still guarded by this instance's own
    /// tier, with a warning log, the metric <c>liveperson.escalation.guard_unavailable</c> and the trace tag
    /// <c>liveperson.guard.unavailable</c>; its outcome is written to the store as soon as it answers again. A user who
    /// asked for an agent must reach one; a duplicate is possible only from another instance while the store cannot be
    /// reached. True (fail-closed): refused with <see cref="EscalationFailureKind.GuardUnavailable"/> and nothing is
    /// sent, for hosts where a duplicate transfer is worse than none.
    /// </summary>
    public bool RefuseWhenStoreUnavailable { get; set; }

    /// <summary>
    /// The longest one escalation waits, in all, for a shared store (Redis, registered with
    /// <c>AddRedisDuplicateGuard()</c>) before it goes on as <see cref="RefuseWhenStoreUnavailable"/> says. Between
    /// <see cref="MinStoreTimeout"/> and <see cref="MaxStoreTimeout"/>; default 1 second.
    /// </summary>
    public TimeSpan StoreTimeout { get; set; } = DefaultStoreTimeout;

    /// <summary>The default <see cref="StoreTimeout"/>: 1 second.</summary>
    public static readonly TimeSpan DefaultStoreTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The shortest <see cref="StoreTimeout"/> accepted: 10 ms.</summary>
    public static readonly TimeSpan MinStoreTimeout = TimeSpan.FromMilliseconds(10);

    /// <summary>The longest <see cref="StoreTimeout"/> accepted: 10 seconds.</summary>
    public static readonly TimeSpan MaxStoreTimeout = TimeSpan.FromSeconds(10);
}
