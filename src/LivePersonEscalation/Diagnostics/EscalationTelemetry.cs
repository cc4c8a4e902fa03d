using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LivePersonEscalation;

/// <summary>
/// Traces, metrics and logs of escalations, through the BCL: an <see cref="ActivitySource"/> and a <see cref="Meter"/>
/// named <c>LivePersonEscalation</c>, and <see cref="EscalationLog"/>. Each is nearly free when nothing listens.
/// Never records the API key; the conversation id and message text only when opted in.
/// </summary>
internal sealed class EscalationTelemetry
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "LivePersonEscalation";

    private static readonly string Version = LibraryVersion.Value;

    private static readonly ActivitySource Source = new(Name, Version);

    // Used when no IMeterFactory is given (the client built without dependency injection).
    private static readonly Meter SharedMeter = new(Name, Version);

    // OpenTelemetry's recommended boundaries for HTTP client durations in seconds.
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30];

    private readonly EscalationSettings _settings;
    private readonly Counter<long> _escalations;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _deduplicated;

    public EscalationTelemetry(EscalationSettings settings, IMeterFactory? meterFactory, ILoggerFactory? loggerFactory)
    {
        _settings = settings;
        Logger = loggerFactory?.CreateLogger(EscalationLog.Category) ?? NullLogger.Instance;
        var meter = meterFactory?.Create(new MeterOptions(Name) { Version = Version }) ?? SharedMeter;
        _escalations = meter.CreateCounter<long>("liveperson.escalation.escalations", "{escalation}", "Escalations completed, by outcome.");
        _duration = meter.CreateHistogram<double>(
            "liveperson.escalation.duration",
            "s",
            "Duration of escalations, from the call to the answer, retries included.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _retries = meter.CreateCounter<long>("liveperson.escalation.retries", "{retry}", "Attempts retried because the escalation provably was not accepted.");
        _deduplicated = meter.CreateCounter<long>("liveperson.escalation.deduplicated", "{escalation}", "Escalations answered from a recent escalation of the same conversation, not sent.");
    }

    public ILogger Logger { get; }

    /// <summary>Starts the activity of one escalation (null when nothing listens) and logs the start.</summary>
    public Activity? Start(EscalationRequestBody body)
    {
        EscalationLog.Starting(Logger, _settings.Target, body.AgentSkillId);
        if (_settings.LogMessageText)
        {
            EscalationLog.MessageText(Logger, body.Message);
        }

        var activity = Source.StartActivity("liveperson.escalate", ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.DisplayName = $"escalate {_settings.RegionTag}";
            activity.SetTag("server.address", _settings.Endpoint.Host);
            activity.SetTag("server.port", _settings.Endpoint.Port);
            activity.SetTag("liveperson.region", _settings.RegionTag);
            activity.SetTag("liveperson.skill.id", body.AgentSkillId);
            if (_settings.TraceConversationId)
            {
                activity.SetTag("liveperson.conversation.id", body.ConversationId);
            }
        }

        return activity;
    }

    /// <summary>Records an accepted (or deduplicated) escalation; <paramref name="elapsed"/> is this call's own duration.</summary>
    public void Accepted(Activity? activity, EscalationResult result, TimeSpan elapsed)
    {
        if (result.IsDeduplicated)
        {
            EscalationLog.Deduplicated(Logger, result.RequestId);
            _deduplicated.Add(1);
        }
        else
        {
            EscalationLog.Accepted(Logger, (int)result.StatusCode, result.RequestId, result.Attempts, (long)result.Elapsed.TotalMilliseconds);
        }

        var outcome = result.IsDeduplicated ? "deduplicated" : "accepted";
        Record(outcome, (int)result.StatusCode, null, elapsed);
        if (activity is not null)
        {
            activity.SetTag("http.response.status_code", (int)result.StatusCode);
            activity.SetTag("liveperson.escalation.attempts", result.Attempts);
            activity.SetTag("liveperson.escalation.outcome", outcome);
            activity.SetStatus(ActivityStatusCode.Ok);
        }
    }

    private void Failed(Activity? activity, EscalationException failure)
    {
        EscalationLog.Failed(Logger, failure.Kind, (int?)failure.StatusCode, failure.RequestId, failure.Attempts, (long)failure.Elapsed.TotalMilliseconds, failure.IsOutcomeUnknown);
        var errorType = failure.Kind.ToString();
        Record("failed", (int?)failure.StatusCode, errorType, failure.Elapsed);
        if (activity is not null)
        {
            if (failure.StatusCode is { } status)
            {
                activity.SetTag("http.response.status_code", (int)status);
            }

            activity.SetTag("liveperson.escalation.attempts", failure.Attempts);
            activity.SetTag("liveperson.escalation.outcome", "failed");
            activity.SetTag("error.type", errorType);
            // The kind, not the message: the message is for people and may quote the response.
            activity.SetStatus(ActivityStatusCode.Error, errorType);
        }
    }

    /// <summary>Records a call that ended in <paramref name="exception"/>: a failure, a cancellation, or (unrecorded) a bug.</summary>
    public void Ended(Activity? activity, Exception exception)
    {
        if (exception is EscalationException failure)
        {
            Failed(activity, failure);
        }
        else if (exception is OperationCanceledException)
        {
            Canceled(activity);
        }
    }

    private static void Canceled(Activity? activity)
    {
        if (activity is not null)
        {
            activity.SetTag("liveperson.escalation.outcome", "canceled");
            activity.SetTag("error.type", "canceled");
            activity.SetStatus(ActivityStatusCode.Error, "canceled");
        }
    }

    public void Retrying(int attempt, string reason, TimeSpan delay)
    {
        EscalationLog.Retrying(Logger, attempt, reason, (long)delay.TotalMilliseconds);
        if (_retries.Enabled)
        {
            _retries.Add(1, new KeyValuePair<string, object?>("liveperson.retry.reason", reason));
        }

        Activity.Current?.AddEvent(new ActivityEvent("retry", tags: new ActivityTagsCollection { ["liveperson.retry.reason"] = reason, ["liveperson.retry.attempt"] = attempt }));
    }

    private void Record(string outcome, int? statusCode, string? errorType, TimeSpan elapsed)
    {
        if (!_escalations.Enabled && !_duration.Enabled)
        {
            return;
        }

        var tags = new TagList
        {
            { "liveperson.escalation.outcome", outcome },
            { "liveperson.escalation.status_class", statusCode is { } code ? $"{code / 100}xx" : "none" },
            { "liveperson.region", _settings.RegionTag },
        };
        if (errorType is not null)
        {
            tags.Add("error.type", errorType);
        }

        _escalations.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
    }
}
