namespace LivePersonEscalation;

/// <summary>
/// The duplicate-escalation guard: a second escalation of the same conversation while the first is in flight joins
/// it, and one within <see cref="Window"/> after an accepted one returns that result (marked
/// <see cref="EscalationResult.IsDeduplicated"/>) and sends nothing. Bound from <c>LivePerson:Escalation:DuplicateGuard</c>.
/// </summary>
public sealed class DuplicateGuardOptions
{
    /// <summary>Whether the guard is on. Defaults to true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long an accepted escalation is remembered, up to 1 hour. Defaults to 30 seconds.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The most conversations remembered at once, 1 to 1,000,000 (1,000 by default: the full window for up to 33
    /// escalations a second), so a flood of distinct conversations cannot grow memory without bound: the oldest
    /// accepted ones are forgotten first.
    /// </summary>
    /// <remarks>
    /// Remembering costs memory and time: measured with a full table of 1,000 in a tight loop, about 300 ns per
    /// escalation in all, against milliseconds for the call itself. A smaller table costs less.
    /// </remarks>
    public int MaxConversations { get; set; } = 1_000;
}
