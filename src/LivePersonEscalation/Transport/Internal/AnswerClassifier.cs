using System.Net;

namespace LivePersonEscalation.Internal;

/// <summary>What one answer of the escalation endpoint means: whether LivePerson accepted it, provably did not, or may have; whether it may be sent again; and which failure it is.</summary>
/// <param name="Outcome">Accepted, provably not accepted, or unknown.</param>
/// <param name="IsRetryable">True when the escalation may be sent again (it provably was not accepted, and the answer says later may differ).</param>
/// <param name="Kind">The failure it is; null for an acceptance.</param>
internal readonly record struct AnswerClass(EscalationOutcome Outcome, bool IsRetryable, EscalationFailureKind? Kind)
{
    /// <summary>What a host's handler threw before the request reached the transport: nothing was sent, its error is the host's.</summary>
    public bool IsHostError => Kind is null && Outcome == EscalationOutcome.NotAccepted;
}

/// <summary>
/// The one place a status of the escalation endpoint is classified (Azure.Core's <c>ResponseClassifier</c> is the
/// model): the retry policy, the send loop, the duplicate guard, the exceptions and the docs' retry table (pinned by a
/// test) all read it.
/// <list type="table">
/// <item><term>2xx</term><description>accepted.</description></item>
/// <item><term>408, 429, 503</term><description>provably not accepted, retried: the server did not take it, and says later may differ.</description></item>
/// <item><term>401, 403, 404, other 4xx</term><description>provably not accepted, not retried: the same request gets the same answer.</description></item>
/// <item><term>other 5xx</term><description>unknown: the server may have acted on it before failing, so it is never sent again.</description></item>
/// <item><term>anything else (1xx, 3xx not followed)</term><description>provably not accepted: not an answer the endpoint gives to an escalation it took.</description></item>
/// </list>
/// </summary>
internal static class AnswerClassifier
{
    public static AnswerClass OfStatus(HttpStatusCode status) => (int)status switch
    {
        >= 200 and <= 299 => new(EscalationOutcome.Accepted, IsRetryable: false, Kind: null),
        408 => NotAccepted(EscalationFailureKind.RequestTimeout, retryable: true),
        429 => NotAccepted(EscalationFailureKind.RateLimited, retryable: true),
        503 => NotAccepted(EscalationFailureKind.ServiceUnavailable, retryable: true),
        401 or 403 => NotAccepted(EscalationFailureKind.Unauthorized, retryable: false),
        404 => NotAccepted(EscalationFailureKind.EndpointNotFound, retryable: false),
        >= 400 and <= 499 => NotAccepted(EscalationFailureKind.Rejected, retryable: false),
        >= 500 and <= 599 => new(EscalationOutcome.Unknown, IsRetryable: false, EscalationFailureKind.ServerError),
        _ => NotAccepted(EscalationFailureKind.UnexpectedResponse, retryable: false),
    };

    /// <summary>
    /// A redirect a handler followed: with the body (a POST re-sent elsewhere) LivePerson may have it; without, the
    /// escalation went nowhere it should. Never accepted, never retried.
    /// </summary>
    public static AnswerClass OfRedirect(bool bodyFollowed) =>
        new(bodyFollowed ? EscalationOutcome.Unknown : EscalationOutcome.NotAccepted, IsRetryable: false, EscalationFailureKind.UnexpectedResponse);

    /// <summary>
    /// What ended an attempt with no answer. <paramref name="reachedTransport"/>: whether the request was handed to the
    /// transport (null when the pipeline cannot tell, counted as "may have been").
    /// </summary>
    public static AnswerClass OfException(Exception exception, bool? reachedTransport)
    {
        var sentMaybe = reachedTransport != false;
        if (Find<AttemptRefusedException>(exception) is { } refused)
        {
            // A second send refused: a redirect re-sending the body (not accepted), or a handler's resend (the first may have been).
            return refused.IsBodyResend
                ? NotAccepted(EscalationFailureKind.UnexpectedResponse, retryable: false)
                : new(EscalationOutcome.Unknown, IsRetryable: false, EscalationFailureKind.RepeatedSend);
        }

        return exception switch
        {
            HttpRequestException transport when TransportErrors.IsConnectFailure(transport) => NotAccepted(EscalationFailureKind.ConnectionFailed, retryable: true),
            HttpRequestException when !sentMaybe => NotAccepted(EscalationFailureKind.ConnectionFailed, retryable: false),
            HttpRequestException => new(EscalationOutcome.Unknown, IsRetryable: false, EscalationFailureKind.ConnectionLost),
            // The attempt's timeout, HttpClient.Timeout, or a chained handler's timeout: the request may have been sent.
            OperationCanceledException when sentMaybe => new(EscalationOutcome.Unknown, IsRetryable: false, EscalationFailureKind.Timeout),
            // A chained handler's own failure (Polly's TimeoutRejectedException, say) after the request went out.
            _ when sentMaybe => new(EscalationOutcome.Unknown, IsRetryable: false, IsTimeout(exception) ? EscalationFailureKind.Timeout : EscalationFailureKind.ConnectionLost),
            // A chained handler failed before the request reached the transport: nothing was sent.
            _ => new(EscalationOutcome.NotAccepted, IsRetryable: false, Kind: null),
        };
    }

    private static bool IsTimeout(Exception exception) =>
        exception is TimeoutException ||
#if NET
        exception.GetType().Name.Contains("Timeout", StringComparison.Ordinal);
#else
        exception.GetType().Name.IndexOf("Timeout", StringComparison.Ordinal) >= 0;
#endif

    public static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static AnswerClass NotAccepted(EscalationFailureKind kind, bool retryable) => new(EscalationOutcome.NotAccepted, retryable, kind);
}
