using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LivePersonEscalation.Internal;

/// <summary>
/// The library's instruments, through the BCL: an <see cref="ActivitySource"/> and a <see cref="Meter"/> named
/// <c>LivePersonEscalation</c>, and the logger for <see cref="EscalationLog"/>. Each is nearly free when nothing
/// listens. The methods here never throw: telemetry can never change an escalation's outcome.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031", Justification = "A throwing log provider or listener is contained: telemetry must not change an outcome.")]
internal sealed class EscalationTelemetry
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
    private readonly Counter<long> _availabilityRefreshes;

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
        _availabilityRefreshes = meter.CreateCounter<long>(LivePersonEscalationTelemetry.AvailabilityRefreshesInstrument, "{refresh}", "Availability snapshot refreshes, by data (shift, agents) and outcome.");
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

    /// <summary>Starts the client activity of one escalation (null when nothing listens, or a listener failed).</summary>
    public Activity? StartActivity(string skillId, string conversationId)
    {
        var activity = Start(TelemetryTags.ActivityName, ActivityKind.Client, conversationId);
        try
        {
            if (activity is { IsAllDataRequested: true })
            {
                activity.DisplayName = $"escalate {Settings.RegionTag}";
                activity.SetTag(TelemetryTags.ServerAddress, Settings.Endpoint.Host);
                activity.SetTag(TelemetryTags.ServerPort, Settings.Endpoint.Port);
                activity.SetTag(TelemetryTags.SkillId, skillId);
            }
        }
        catch (Exception)
        {
            // Contained: see the class remarks.
        }

        return activity;
    }

    /// <summary>Starts the activity of one transfer-failure report; the escalation to the fallback is its child.</summary>
    public Activity? StartTransferFailureActivity(string conversationId)
    {
        var activity = Start(TelemetryTags.TransferFailureActivityName, ActivityKind.Internal, conversationId);
        if (activity is { IsAllDataRequested: true })
        {
            activity.DisplayName = "transfer failure";
        }

        return activity;
    }

    /// <summary>Logs, counts and traces what a transfer-failure report decided (<see cref="TelemetryTags.Fallback"/>, <see cref="TelemetryTags.GaveUp"/> or <see cref="TelemetryTags.Repeated"/>).</summary>
    public void TransferFailureReported(Activity? activity, string failedSkillId, string outcome, int failures, string? fallbackSkillId, string? giveUpReason)
    {
        try
        {
            switch (outcome)
            {
                case TelemetryTags.GaveUp:
                    EscalationLog.TransferFailedGaveUp(Logger, failedSkillId, failures, giveUpReason ?? string.Empty);
                    break;
                case TelemetryTags.Repeated:
                    EscalationLog.TransferFailureRepeated(Logger, failedSkillId, failures);
                    break;
                default:
                    EscalationLog.TransferFailedFallingBack(Logger, failedSkillId, failures, fallbackSkillId ?? string.Empty);
                    break;
            }

            Count(_transferFailures, new(TelemetryTags.SkillId, failedSkillId), new(TelemetryTags.TransferOutcome, outcome));
            if (activity is { IsAllDataRequested: true })
            {
                activity.SetTag(TelemetryTags.SkillId, failedSkillId);
                activity.SetTag(TelemetryTags.TransferOutcome, outcome);
                activity.SetTag(TelemetryTags.TransferFailures, failures);
                if (fallbackSkillId is not null)
                {
                    activity.SetTag(TelemetryTags.FallbackSkillId, fallbackSkillId);
                }
            }
        }
        catch (Exception)
        {
            // Contained: see the class remarks.
        }
    }

    /// <summary>Starts the activity of one availability decision, before the escalation it decides on.</summary>
    public Activity? StartAvailabilityActivity(string? conversationId)
    {
        var activity = Start(TelemetryTags.AvailabilityActivityName, ActivityKind.Internal, conversationId ?? string.Empty);
        if (activity is { IsAllDataRequested: true })
        {
            activity.DisplayName = "check availability";
        }

        return activity;
    }

    /// <summary>Logs, counts and traces an availability decision.</summary>
    public void AvailabilityDecided(Activity? activity, string skillId, TransferDecision decision)
    {
        try
        {
            var name = DecisionTag(decision.Kind);
            var availability = decision.Availability?.ToString() ?? string.Empty;
            using (AccountScope())
            {
                if (decision.ShouldEscalate)
                {
                    EscalationLog.AvailabilityDecided(Logger, skillId, name, availability);
                }
                else
                {
                    EscalationLog.AvailabilityWithheld(Logger, skillId, name, availability);
                }
            }

            Count(_availabilityDecisions, new(TelemetryTags.AvailabilityDecision, name), new(TelemetryTags.SkillId, skillId));
            if (activity is { IsAllDataRequested: true })
            {
                activity.SetTag(TelemetryTags.SkillId, skillId);
                activity.SetTag(TelemetryTags.AvailabilityDecision, name);
                if (decision.Kind == TransferDecisionKind.EscalateToFallback)
                {
                    activity.SetTag(TelemetryTags.FallbackSkillId, decision.Request.AgentSkillId);
                }

                if (decision.Availability?.UnknownReason is { } reason)
                {
                    activity.SetTag(TelemetryTags.AvailabilityUnknownReason, reason);
                }
            }
        }
        catch (Exception)
        {
            // Contained: see the class remarks.
        }
    }

    /// <summary>Counts one refresh of the availability snapshot, and logs a failure (<paramref name="failure"/> not null).</summary>
    public void AvailabilityRefreshed(string data, string? failure, TimeSpan staleAfter)
    {
        try
        {
            if (failure is not null)
            {
                using (AccountScope())
                {
                    EscalationLog.AvailabilityRefreshFailed(Logger, data == TelemetryTags.AvailabilityShift ? "shift status" : "agent counts", failure, (long)staleAfter.TotalSeconds);
                }
            }

            Count(_availabilityRefreshes, new(TelemetryTags.AvailabilityData, data), new(TelemetryTags.Outcome, failure is null ? TelemetryTags.Succeeded : TelemetryTags.Failed));
        }
        catch (Exception)
        {
            // Contained: see the class remarks.
        }
    }

    /// <summary>The decision as a tag value: snake case, as the other tag values.</summary>
    public static string DecisionTag(TransferDecisionKind kind) => kind switch
    {
        TransferDecisionKind.NotChecked => "not_checked",
        TransferDecisionKind.Escalate => "escalate",
        TransferDecisionKind.EscalateToFallback => "escalate_to_fallback",
        TransferDecisionKind.EscalateWithNoAgentsOnline => "escalate_with_no_agents_online",
        TransferDecisionKind.EscalateUnknown => "escalate_unknown",
        TransferDecisionKind.OffShift => "off_shift",
        TransferDecisionKind.NoAgentsOnline => "no_agents_online",
        _ => "unknown",
    };

    private IDisposable? AccountScope() => Settings.Account is { } account ? EscalationLog.BeginAccountScope(Logger, account) : null;

    /// <summary>Counts one escalation call by outcome and records its duration.</summary>
    public void Record(string outcome, int? statusCode, string? errorType, TimeSpan elapsed)
    {
        try
        {
            if (outcome == TelemetryTags.Deduplicated)
            {
                Count(_deduplicated, first: null);
            }

            if (!_escalations.Enabled && !_duration.Enabled)
            {
                return;
            }

            var tags = new TagList
            {
                { TelemetryTags.Outcome, outcome },
                { TelemetryTags.StatusClass, statusCode is { } code ? $"{code / 100}xx" : "none" },
                { TelemetryTags.Region, Settings.RegionTag },
            };
            if (Settings.Account is { } account)
            {
                tags.Add(LivePersonEscalationTelemetry.AccountTag, account);
            }

            if (errorType is not null)
            {
                tags.Add(TelemetryTags.ErrorType, errorType);
            }

            _escalations.Add(1, tags);
            _duration.Record(elapsed.TotalSeconds, tags);
        }
        catch (Exception)
        {
            // Contained: see the class remarks.
        }
    }

    public void Retrying(int attempt, string reason, TimeSpan delay)
    {
        try
        {
            EscalationLog.Retrying(Logger, attempt, reason, (long)delay.TotalMilliseconds);
            if (_retries.Enabled)
            {
                Count(_retries, new(TelemetryTags.RetryReason, reason));
            }

            Activity.Current?.AddEvent(new ActivityEvent("retry", tags: new ActivityTagsCollection { [TelemetryTags.RetryReason] = reason, [TelemetryTags.RetryAttempt] = attempt }));
        }
        catch (Exception)
        {
            // Contained: see the class remarks.
        }
    }

    public void GuardStoreFailed(Exception exception)
    {
        try
        {
            var reason = exception switch
            {
                GuardCapacityException => "capacity",
                TimeoutException or OperationCanceledException => "timeout",
                _ => "unreachable",
            };
            if (exception is GuardCapacityException)
            {
                EscalationLog.GuardCapacityReached(Logger, exception.Message);
            }
            else
            {
                EscalationLog.GuardStoreFailed(Logger, exception.GetType().Name);
            }

            Count(_guardUnavailable, new(TelemetryTags.GuardReason, reason));
            Activity.Current?.SetTag(TelemetryTags.GuardUnavailable, true);
        }
        catch (Exception)
        {
            // Contained: see the class remarks.
        }
    }

    /// <summary>A settled escalation could not be written to the shared store while it was worth writing.</summary>
    public void GuardSettleAbandoned(TimeSpan triedFor)
    {
        try
        {
            EscalationLog.GuardSettleAbandoned(Logger, (long)triedFor.TotalMilliseconds);
            Count(_guardUnavailable, new(TelemetryTags.GuardReason, "settle_abandoned"));
        }
        catch (Exception)
        {
            // Contained: see the class remarks.
        }
    }

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
    private Activity? Start(string name, ActivityKind kind, string conversationId)
    {
        try
        {
            var activity = Source.StartActivity(name, kind);
            if (activity is { IsAllDataRequested: true })
            {
                activity.SetTag(TelemetryTags.Region, Settings.RegionTag);
                activity.SetTag(LivePersonEscalationTelemetry.AccountTag, Settings.Account);
                if (Settings.IncludeConversationId)
                {
                    activity.SetTag(TelemetryTags.ConversationId, conversationId);
                }
            }

            return activity;
        }
        catch (Exception)
        {
            return null;
        }
    }
}
