using System.Diagnostics;

namespace LivePersonEscalation.Internal;

/// <summary>
/// The telemetry of one escalation call: its activity, start and end logs, and metrics. Every method is contained
/// (<see cref="Contained"/>): a throwing log provider or listener never changes the call's outcome or the duplicate guard's state.
/// </summary>
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
        var logScope = telemetry.Settings.Account is { } account
            ? Contained.Get((Logger: telemetry.Logger, Account: account), static s => EscalationLog.BeginAccountScope(s.Logger, s.Account), fallback: null)
            : null;
        Contained.Run((Telemetry: telemetry, Body: body), static s =>
        {
            var (telemetry, body) = (s.Telemetry, s.Body);
            EscalationLog.Starting(telemetry.Logger, telemetry.Settings.Target, body.AgentSkillId);
            if (telemetry.Settings.LogMessageText)
            {
                EscalationLog.MessageText(telemetry.Logger, body.Message);
            }
        });

        return new EscalationScope(telemetry, telemetry.StartActivity(body.AgentSkillId, body.ConversationId), timeProvider.GetTimestamp(), logScope);
    }

    public void Accepted(EscalationResult result, TimeProvider timeProvider)
    {
        var outcome = result.IsDeduplicated ? TelemetryTags.Deduplicated : TelemetryTags.Accepted;
        Contained.Run((Scope: this, Result: result, Outcome: outcome), static s =>
        {
            var (logger, result, activity) = (s.Scope._telemetry.Logger, s.Result, s.Scope._activity);
            if (result.IsDeduplicated)
            {
                EscalationLog.Deduplicated(logger, result.RequestId);
            }
            else
            {
                EscalationLog.Accepted(logger, (int)result.StatusCode, result.RequestId, result.Attempts, (long)result.Elapsed.TotalMilliseconds);
            }

            if (activity is not null)
            {
                activity.SetTag(TelemetryTags.StatusCode, (int)result.StatusCode);
                activity.SetTag(TelemetryTags.Attempts, result.Attempts);
                activity.SetTag(TelemetryTags.Outcome, s.Outcome);
                activity.SetStatus(ActivityStatusCode.Ok);
            }
        });

        _telemetry.Record(outcome, (int)result.StatusCode, null, timeProvider.GetElapsedTime(_started));
    }

    /// <summary>Records a call that ended in <paramref name="exception"/>: a failure, a cancellation, or (unrecorded) a bug.</summary>
    public void Failed(Exception exception, TimeProvider timeProvider) =>
        Contained.Run((Scope: this, Exception: exception, Elapsed: timeProvider.GetElapsedTime(_started)), static s =>
        {
            var scope = s.Scope;
            switch (s.Exception)
            {
                case EscalationException failure:
                    EscalationLog.Failed(scope._telemetry.Logger, failure.Kind.ToString(), (int?)failure.StatusCode, failure.RequestId, failure.Attempts, (long)failure.Elapsed.TotalMilliseconds, (failure.Outcome == EscalationOutcome.Unknown), failure.IsDeduplicated);
                    scope.MarkError(TelemetryTags.Failed, failure.Kind.ToString(), (int?)failure.StatusCode, failure.Attempts);
                    scope._telemetry.Record(TelemetryTags.Failed, (int?)failure.StatusCode, failure.Kind.ToString(), s.Elapsed);
                    break;
                case OperationCanceledException canceled:
                    var outcome = canceled is EscalationCanceledException escalation ? escalation.Outcome : EscalationOutcome.NotAccepted;
                    EscalationLog.Canceled(scope._telemetry.Logger, outcome.ToString());
                    scope.MarkError(TelemetryTags.Canceled, TelemetryTags.Canceled, null, null);
                    break;
            }
        });

    public void Dispose()
    {
        // Apart, so a trace listener that throws when the activity stops cannot leave the log scope open.
        Contained.Run(_activity, static activity => activity?.Dispose());
        Contained.Run(_logScope, static logScope => logScope?.Dispose());
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
