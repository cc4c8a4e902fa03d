using System.Net;

namespace LivePersonEscalation;

/// <summary>
/// Builds each <see cref="EscalationException"/> with a message that says what happened and what to check.
/// Response bodies are redacted of the API key (a server may echo headers) and capped.
/// </summary>
internal static class EscalationFailures
{
    private const int MessageBodyExcerptLength = 256;
    private const string NotResent = "The escalation may or may not have been accepted, so it was not re-sent: check the conversation before escalating it again.";

    public static EscalationException FromResponse(
        HttpStatusCode status, ResponseBody body, string? requestId, EscalationSettings settings, int attempts, TimeSpan elapsed, string? stopReason = null)
    {
        var code = (int)status;
        var kind = KindOf(status);
        var what = $"HTTP {code} {status} from {settings.Target}";
        var advice = kind switch
        {
            EscalationFailureKind.Unauthorized => $"LivePerson refused the API access key ({what}). Check EscalationOptions.ApiAccessKey: it must be the Conversation Builder API access key (user profile → API tab) of a user of this region's account.",
            EscalationFailureKind.EndpointNotFound => $"The escalation endpoint was not found ({what}, path {settings.Endpoint.AbsolutePath}). Check EscalationOptions.Region (Us, Eu, Apac, UsAutomation) or EscalationOptions.Endpoint.",
            EscalationFailureKind.RateLimited => $"LivePerson is rate limiting escalations ({what}); {stopReason ?? "retries are off"}. The escalation was not accepted; try again later.",
            EscalationFailureKind.ServiceUnavailable => $"LivePerson is unavailable ({what}); {stopReason ?? "retries are off"}. The escalation was not accepted; try again later.",
            EscalationFailureKind.Rejected => $"LivePerson rejected the escalation ({what}). Check AgentSkillId (a numeric skill id of this account) and the user platform, chatbot and conversation ids.",
            EscalationFailureKind.ServerError => $"LivePerson failed while handling the escalation ({what}). {NotResent}",
            _ => $"Unexpected response ({what}); escalations are not redirected. Check EscalationOptions.Endpoint or Region.",
        };

        var excerpt = Redact(body.Text, settings.ApiAccessKey, EscalationException.MaxResponseBodyLength);
        var message = advice + Details(requestId, attempts, elapsed);
        if (excerpt.Length > 0)
        {
            message += $" Response: {TextRules.Cut(excerpt, MessageBodyExcerptLength)}";
        }

        return new EscalationException(kind, message)
        {
            StatusCode = status,
            RequestId = requestId,
            ResponseBody = excerpt,
            Attempts = attempts,
            Elapsed = elapsed,
        };
    }

    public static EscalationException Timeout(EscalationSettings settings, Exception inner, int attempts, TimeSpan elapsed) =>
        new(EscalationFailureKind.Timeout,
            $"No response from {settings.Target} within {settings.Timeout.TotalSeconds:0.###} s (EscalationOptions.Timeout); the request timed out. {NotResent}{Details(null, attempts, elapsed)}",
            inner)
        {
            Attempts = attempts,
            Elapsed = elapsed,
        };

    public static EscalationException ConnectionFailed(EscalationSettings settings, Exception inner, int attempts, TimeSpan elapsed, string? stopReason) =>
        new(EscalationFailureKind.ConnectionFailed,
            $"Could not connect to {settings.Target} ({inner.Message}); {stopReason ?? "retries are off"}. The escalation was not sent. Check the network and EscalationOptions.Region or Endpoint.{Details(null, attempts, elapsed)}",
            inner)
        {
            Attempts = attempts,
            Elapsed = elapsed,
        };

    public static EscalationException ConnectionLost(EscalationSettings settings, Exception inner, int attempts, TimeSpan elapsed) =>
        new(EscalationFailureKind.ConnectionLost,
            $"The connection to {settings.Target} closed before a response arrived ({inner.Message}). {NotResent}{Details(null, attempts, elapsed)}",
            inner)
        {
            Attempts = attempts,
            Elapsed = elapsed,
        };

    private static EscalationFailureKind KindOf(HttpStatusCode status) => (int)status switch
    {
        401 or 403 => EscalationFailureKind.Unauthorized,
        404 => EscalationFailureKind.EndpointNotFound,
        429 => EscalationFailureKind.RateLimited,
        503 => EscalationFailureKind.ServiceUnavailable,
        >= 400 and < 500 => EscalationFailureKind.Rejected,
        >= 500 and < 600 => EscalationFailureKind.ServerError,
        _ => EscalationFailureKind.UnexpectedResponse,
    };

    private static string Details(string? requestId, int attempts, TimeSpan elapsed) =>
        $" (request id: {requestId ?? "none"}; attempts: {attempts}; elapsed: {elapsed.TotalMilliseconds:0} ms)";

    private static string Redact(string text, string apiAccessKey, int maxLength)
    {
        // Redact before cutting, so a key that straddles the cut cannot leak in part.
        var redacted = apiAccessKey.Length == 0 || text.IndexOf(apiAccessKey, StringComparison.Ordinal) < 0
            ? text
            : text.Replace(apiAccessKey, "***");
        return TextRules.Cut(redacted, maxLength);
    }
}
