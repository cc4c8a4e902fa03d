using System.Diagnostics;

namespace LivePersonEscalation.Internal;

/// <summary>
/// The telemetry of one escalation call: its activity, start and end logs, and metrics. Every method is contained:
/// a throwing log provider or listener never changes the call's outcome or the duplicate guard's state.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031", Justification = "Telemetry must not change an outcome.")]
internal sealed class EscalationScope : IDisposable
{
    private readonly EscalationTelemetry _telemetry;
    private readonly Activity? _activity;
    private readonly long _started;
    private readonly IDisposable? _logScope;

    private EscalationScope(EscalationTelemetry telemetry, Activity? activity, long started, IDisposable? logScope)
    {
        _telemetry = telemetry;
        _activity = activity;
        _started = started;
        _logScope = logScope;
    }

    public static EscalationScope Start(EscalationTelemetry telemetry, EscalationRequestBody body, TimeProvider timeProvider)
    {
        IDisposable? logScope = null;
        try
        {
            if (telemetry.Settings.Account is { } account)
            {
                logScope = EscalationLog.BeginAccountScope(telemetry.Logger, account);
            }

            EscalationLog.Starting(telemetry.Logger, telemetry.Settings.Target, body.AgentSkillId);
            if (telemetry.Settings.LogMessageText)
            {
                EscalationLog.MessageText(telemetry.Logger, body.Message);
            }
        }
        catch (Exception)
        {
            // Contained: see the class remarks.
        }

        return new EscalationScope(telemetry, telemetry.StartActivity(body.AgentSkillId, body.ConversationId), timeProvider.GetTimestamp(), logScope);
    }

    public void Accepted(EscalationResult result, TimeProvider timeProvider)
    {
        var outcome = result.IsDeduplicated ? TelemetryTags.Deduplicated : TelemetryTags.Accepted;
        try
        {
            if (result.IsDeduplicated)
            {
                EscalationLog.Deduplicated(_telemetry.Logger, result.RequestId);
            }
            else
            {
                EscalationLog.Accepted(_telemetry.Logger, (int)result.StatusCode, result.RequestId, result.Attempts, (long)result.Elapsed.TotalMilliseconds);
            }

            if (_activity is not null)
            {
                _activity.SetTag(TelemetryTags.StatusCode, (int)result.StatusCode);
                _activity.SetTag(TelemetryTags.Attempts, result.Attempts);
                _activity.SetTag(TelemetryTags.Outcome, outcome);
                _activity.SetStatus(ActivityStatusCode.Ok);
            }
        }
        catch (Exception)
        {
            // Contained: see the class remarks.
        }

        _telemetry.Record(outcome, (int)result.StatusCode, null, timeProvider.GetElapsedTime(_started));
    }

    /// <summary>Records a call that ended in <paramref name="exception"/>: a failure, a cancellation, or (unrecorded) a bug.</summary>
    public void Failed(Exception exception, TimeProvider timeProvider)
    {
        try
        {
            switch (exception)
            {
                case EscalationException failure:
                    EscalationLog.Failed(_telemetry.Logger, failure.Kind.ToString(), (int?)failure.StatusCode, failure.RequestId, failure.Attempts, (long)failure.Elapsed.TotalMilliseconds, failure.IsOutcomeUnknown, failure.IsDeduplicated);
                    MarkError(TelemetryTags.Failed, failure.Kind.ToString(), (int?)failure.StatusCode, failure.Attempts);
                    _telemetry.Record(TelemetryTags.Failed, (int?)failure.StatusCode, failure.Kind.ToString(), timeProvider.GetElapsedTime(_started));
                    break;
                case OperationCanceledException canceled:
                    var outcome = canceled is EscalationCanceledException escalation ? escalation.Outcome : EscalationOutcome.NotAccepted;
                    EscalationLog.Canceled(_telemetry.Logger, outcome.ToString());
                    MarkError(TelemetryTags.Canceled, TelemetryTags.Canceled, null, null);
                    break;
            }
        }
        catch (Exception)
        {
            // Contained: see the class remarks.
        }
    }

    public void Dispose()
    {
        try
        {
            _activity?.Dispose();
            _logScope?.Dispose();
        }
        catch (Exception)
        {
            // Contained: see the class remarks.
        }
    }

    private void MarkError(string outcome, string errorType, int? statusCode, int? attempts)
    {
        if (_activity is null)
        {
            return;
        }

        if (statusCode is { } status)
        {
            _activity.SetTag(TelemetryTags.StatusCode, status);
        }

        if (attempts is { } count)
        {
            _activity.SetTag(TelemetryTags.Attempts, count);
        }

        _activity.SetTag(TelemetryTags.Outcome, outcome);
        _activity.SetTag(TelemetryTags.ErrorType, errorType);
        // The kind, not the message: the message is for people and may quote the response.
        _activity.SetStatus(ActivityStatusCode.Error, errorType);
    }
}
