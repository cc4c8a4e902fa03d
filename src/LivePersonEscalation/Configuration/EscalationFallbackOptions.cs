namespace LivePersonEscalation;

/// <summary>
/// What happens after LivePerson accepted an escalation and the transfer itself failed (the bot hears
/// <see cref="TransferFailureReport.EscalationFailedSignal"/> and reports it with
/// <see cref="IEscalationClient.ReportTransferFailureAsync"/>): the skill tried next, and when to give up. Bound from
/// <c>LivePerson:Escalation:Fallback</c>; needs the duplicate guard, whose store remembers the failures (shared by a
/// fleet on Redis).
/// </summary>
/// <example>
/// <code language="json">
/// "Fallback": {
///   "Skills": { "billing": "general", "general": "overflow" },
///   "MaxTransferFailures": 3,
///   "Window": "01:00:00"
/// }
/// </code>
/// </example>
public sealed class EscalationFallbackOptions
{
    /// <summary>The default <see cref="MaxTransferFailures"/>: 3, one below LivePerson's own stop at the fourth failed attempt.</summary>
    public const int DefaultMaxTransferFailures = 3;

    /// <summary>The default <see cref="Window"/>: 1 hour.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(1);

    /// <summary>The longest <see cref="Window"/> accepted: 24 hours.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromHours(24);

    /// <summary>
    /// A skill name (of <see cref="EscalationOptions.Skills"/>) mapped to the skill name tried after a transfer to it
    /// failed. A skill may name itself (try the same queue again). A failed skill without an entry ends the chain:
    /// the library gives up on the conversation. Names are case-insensitive.
    /// </summary>
    public IDictionary<string, string> Skills { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// After this many transfer failures of one conversation within <see cref="Window"/>, the library gives up: nothing
    /// more is sent for it, and every escalation of it fails with <see cref="EscalationFailureKind.GaveUp"/>. 1 to 10;
    /// defaults to <see cref="DefaultMaxTransferFailures"/>.
    /// </summary>
    public int MaxTransferFailures { get; set; } = DefaultMaxTransferFailures;

    /// <summary>
    /// How long a conversation's transfer failures (and a give-up) are remembered, from the last report: longer than
    /// <see cref="DuplicateGuardOptions.Window"/>, at most <see cref="MaxWindow"/>. Defaults to <see cref="DefaultWindow"/>.
    /// </summary>
    public TimeSpan Window { get; set; } = DefaultWindow;

    /// <summary>
    /// Before a transfer, with the expected wait known (the <c>LivePersonEscalation.Availability</c> package's queue
    /// health): when the requested skill's wait is longer than this, and its <see cref="Skills"/> fallback is on shift
    /// with agents online and a known, shorter wait, the escalation goes to the fallback
    /// (<see cref="TransferDecisionKind.EscalateToFallbackForWait"/>). Null (the default): off.
    /// </summary>
    public TimeSpan? WhenWaitLongerThan { get; set; }
}
