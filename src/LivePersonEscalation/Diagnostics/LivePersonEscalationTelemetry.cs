namespace LivePersonEscalation;

/// <summary>
/// The names the library's telemetry uses, to subscribe to without copying strings: the
/// <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/> (both
/// <see cref="ActivitySourceName"/>), its instruments, and the tag that tells accounts apart.
/// </summary>
/// <example>
/// <code>
/// services.AddOpenTelemetry()
///     .WithTracing(tracing => tracing.AddSource(LivePersonEscalationTelemetry.ActivitySourceName))
///     .WithMetrics(metrics => metrics.AddMeter(LivePersonEscalationTelemetry.MeterName));
/// </code>
/// </example>
public static class LivePersonEscalationTelemetry
{
    /// <summary>The activity source of every escalation (<c>liveperson.escalate</c>) and transfer-failure report: <c>LivePersonEscalation</c>.</summary>
    public const string ActivitySourceName = "LivePersonEscalation";

    /// <summary>The meter of every instrument below: <c>LivePersonEscalation</c>.</summary>
    public const string MeterName = "LivePersonEscalation";

    /// <summary>Counter of escalation calls, by outcome, status class, region (and account).</summary>
    public const string EscalationsInstrument = "liveperson.escalation.escalations";

    /// <summary>Histogram of escalation durations in seconds, retries included.</summary>
    public const string DurationInstrument = "liveperson.escalation.duration";

    /// <summary>Counter of attempts retried because the escalation provably was not accepted.</summary>
    public const string RetriesInstrument = "liveperson.escalation.retries";

    /// <summary>Counter of escalations answered from a recent escalation of the same conversation, not sent.</summary>
    public const string DeduplicatedInstrument = "liveperson.escalation.deduplicated";

    /// <summary>Counter of duplicate-guard steps whose store could not be reached, by reason.</summary>
    public const string GuardUnavailableInstrument = "liveperson.escalation.guard_unavailable";

    /// <summary>Counter of transfer failures reported, by failed skill and outcome (fallback, gave_up, repeated).</summary>
    public const string TransferFailuresInstrument = "liveperson.escalation.transfer_failures";

    /// <summary>
    /// Counter of availability decisions before an escalation, when availability is configured (<c>liveperson.availability.decision</c>:
    /// escalate, escalate_to_fallback, escalate_with_no_agents_online, escalate_unknown, off_shift, no_agents_online), by skill.
    /// </summary>
    public const string AvailabilityDecisionsInstrument = "liveperson.escalation.availability_decisions";

    /// <summary>Counter of availability snapshot refreshes, by data (shift, agents) and outcome (succeeded, failed).</summary>
    public const string AvailabilityRefreshesInstrument = "liveperson.escalation.availability_refreshes";

    /// <summary>
    /// The tag naming the account of a named registration (<c>AddLivePersonEscalation("brand-b", …)</c>) on every
    /// activity and measurement, and the <c>Account</c> of its log scope; absent for the default registration.
    /// </summary>
    public const string AccountTag = "liveperson.account";
}
