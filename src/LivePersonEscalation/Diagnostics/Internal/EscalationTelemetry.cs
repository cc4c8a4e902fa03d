using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LivePersonEscalation.Internal;

/// <summary>
/// The library's instruments, through the BCL: an <see cref="ActivitySource"/> and a <see cref="Meter"/> named
/// <c>LivePersonEscalation</c>, and the logger for <see cref="EscalationLog"/>. Each is nearly free when nothing
/// listens. The methods here never throw (see <see cref="Contained"/>): telemetry can never change an escalation's outcome.
/// The after-acceptance and duplicate-guard records are in the partial files beside this one.
/// </summary>
internal sealed partial class EscalationTelemetry
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = LivePersonEscalationTelemetry.ActivitySourceName;

    private static readonly string Version = LibraryVersion.Value;

    private static readonly ActivitySource Source = new(Name, Version);

    // Used when no IMeterFactory is given (the client built without dependency injection).
    private static readonly Meter SharedMeter = new(Name, Version);

    // OpenTelemetry's recommended boundaries for HTTP client durations in seconds.
#if NET9_0_OR_GREATER
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30];
#endif

    private readonly Counter<long> _escalations;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _deduplicated;
    private readonly Counter<long> _guardUnavailable;
    private readonly Counter<long> _transferFailures;
    private readonly Counter<long> _availabilityDecisions;

    public EscalationTelemetry(TelemetrySettings settings, IMeterFactory? meterFactory, ILoggerFactory? loggerFactory)
    {
        _settings = settings;
        Logger = loggerFactory?.CreateLogger(EscalationLog.Category) ?? NullLogger.Instance;
        var meter = meterFactory?.Create(new MeterOptions(Name) { Version = Version }) ?? SharedMeter;
        _escalations = meter.CreateCounter<long>(LivePersonEscalationTelemetry.EscalationsInstrument, "{escalation}", "Escalations completed, by outcome.");
#if NET9_0_OR_GREATER
        _duration = meter.CreateHistogram<double>(
            LivePersonEscalationTelemetry.DurationInstrument,
            "s",
            "Duration of escalations, from the call to the answer, retries included.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
#else
        // The 8.0-series DiagnosticSource (net8.0, netstandard2.0) has no bucket advice: the exporter's own boundaries apply.
        _duration = meter.CreateHistogram<double>(LivePersonEscalationTelemetry.DurationInstrument, "s", "Duration of escalations, from the call to the answer, retries included.");
#endif
        _retries = meter.CreateCounter<long>(LivePersonEscalationTelemetry.RetriesInstrument, "{retry}", "Attempts retried because the escalation provably was not accepted.");
        _deduplicated = meter.CreateCounter<long>(LivePersonEscalationTelemetry.DeduplicatedInstrument, "{escalation}", "Escalations answered from a recent escalation of the same conversation, not sent.");
        _transferFailures = meter.CreateCounter<long>(LivePersonEscalationTelemetry.TransferFailuresInstrument, "{report}", "Transfer failures reported after LivePerson accepted an escalation, by what the library did: fallback, gave_up or repeated.");
        _availabilityDecisions = meter.CreateCounter<long>(LivePersonEscalationTelemetry.AvailabilityDecisionsInstrument, "{decision}", "Availability decisions before an escalation, by decision and skill.");
        _guardUnavailable = meter.CreateCounter<long>(LivePersonEscalationTelemetry.GuardUnavailableInstrument, "{failure}", "Steps of the duplicate guard whose store could not be reached.");
    }

    private volatile TelemetrySettings _settings;

    /// <summary>What telemetry records about the target, replaced when the options are reloaded.</summary>
    public TelemetrySettings Settings
    {
        get => _settings;
        set => _settings = value;
    }

    public ILogger Logger { get; }

    private IDisposable? AccountScope() => Settings.Account is { } account ? EscalationLog.BeginAccountScope(Logger, account) : null;

    /// <summary>Adds one to <paramref name="counter"/> with the given tags and, for a named registration, its account.</summary>
    private void Count(Counter<long> counter, KeyValuePair<string, object?>? first, KeyValuePair<string, object?>? second = null)
    {
        var tags = default(TagList);
        if (first is { } one)
        {
            tags.Add(one);
        }

        if (second is { } two)
        {
            tags.Add(two);
        }

        if (Settings.Account is { } account)
        {
            tags.Add(LivePersonEscalationTelemetry.AccountTag, account);
        }

        counter.Add(1, tags);
    }

    /// <summary>Starts an activity with the tags every one carries: region, account, and the conversation when opted in.</summary>
    private Activity? Start(string name, ActivityKind kind, string conversationId) => Contained.Get((Telemetry: this, Name: name, Kind: kind, ConversationId: conversationId), static s =>
    {
        var activity = Source.StartActivity(s.Name, s.Kind);
        if (activity is { IsAllDataRequested: true })
        {
            var settings = s.Telemetry.Settings;
            activity.SetTag(TelemetryTags.Region, settings.RegionTag);
            activity.SetTag(LivePersonEscalationTelemetry.AccountTag, settings.Account);
            if (settings.IncludeConversationId)
            {
                activity.SetTag(TelemetryTags.ConversationId, s.ConversationId);
            }
        }

        return activity;
    }, fallback: null);
}
