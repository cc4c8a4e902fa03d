namespace LivePersonEscalation.Internal;

/// <summary>
/// Builds each <see cref="EscalationException"/> with a message that says what happened and what to check.
/// Response bodies are redacted of the API key (a server may echo headers) and capped.
/// </summary>
internal static class EscalationFailures
{
    private const int MessageBodyExcerptLength = 256;
    private const string NotResent = "The escalation may or may not have been accepted, so it was not re-sent: check the conversation before escalating it again.";

    public static EscalationException FromResponse(AttemptResponse response, EscalationSettings settings, int attempts, TimeSpan elapsed, string? stopReason = null)
    {
        var status = response.StatusCode;
        var requestId = response.RequestId;
        var code = (int)status;
        var kind = AnswerClassifier.OfStatus(status).Kind ?? EscalationFailureKind.UnexpectedResponse;
        var what = $"HTTP {code} {status} from {settings.Target}";
        var advice = kind switch
        {
            EscalationFailureKind.Unauthorized => $"LivePerson refused the API access key ({what}). Check EscalationOptions.ApiAccessKey: it must be the Conversation Builder API access key (user profile → API tab) of a user of this region's account.",
            EscalationFailureKind.EndpointNotFound => $"The escalation endpoint was not found ({what}, path {settings.Endpoint.AbsolutePath}). Check EscalationOptions.Region (Us, Eu, Apac, UsAutomation) or EscalationOptions.Endpoint.",
            EscalationFailureKind.RateLimited => $"LivePerson is rate limiting escalations ({what}); {stopReason ?? "retries are off"}. The escalation was not accepted; try again later.",
            EscalationFailureKind.ServiceUnavailable => $"LivePerson is unavailable ({what}); {stopReason ?? "retries are off"}. The escalation was not accepted; try again later.",
            EscalationFailureKind.RequestTimeout => $"LivePerson timed out waiting for the request ({what}); {stopReason ?? "retries are off"}. The escalation was not accepted; try again.",
            EscalationFailureKind.Rejected => $"LivePerson rejected the escalation ({what}). Check AgentSkillId (a numeric skill id of this account) and the user platform, chatbot and conversation ids.",
            EscalationFailureKind.ServerError => $"LivePerson failed while handling the escalation ({what}). {NotResent}",
            _ => $"Unexpected response ({what}); escalations are not redirected. Check EscalationOptions.Endpoint or Region.",
        };

        var excerpt = TextRules.Cut(settings.KeyRedaction.Redact(response.Body), EscalationException.MaxResponseBodyLength);
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

    /// <summary>A handler of the host's would send an escalation twice: found before anything was sent.</summary>
    public static EscalationException HostResends() =>
        new(EscalationFailureKind.RepeatedSend, "Not sent: " + AttemptRefusedException.RepeatedSend().Message + " Found before anything was sent: a probe that never leaves this process went through the escalation client's handlers twice.")
        {
            Outcome = EscalationOutcome.NotAccepted,
            Attempts = 0,
        };

    public static EscalationException Timeout(EscalationSettings settings, Exception inner, int attempts, TimeSpan elapsed) =>
        NoAnswer(EscalationFailureKind.Timeout, $"No response from {settings.Target} within the attempt's {settings.Timeout.TotalSeconds:0.###} s ({settings.Source.Setting("Timeout")}, per attempt; counted around the whole HTTP pipeline, so a handler of the host's that waits spends it too), after {elapsed.TotalSeconds:0.###} s in all of the {settings.Retry.TotalBudget.TotalSeconds:0.###} s budget ({settings.Source.Setting("Retry:TotalBudget")}): the attempt ran out, not the budget. {NotResent}", inner, attempts, elapsed);

    public static EscalationException ConnectionFailed(EscalationSettings settings, Exception inner, int attempts, TimeSpan elapsed, string? stopReason) =>
        NoAnswer(EscalationFailureKind.ConnectionFailed, $"Could not connect to {settings.Target} ({TransportErrors.Describe(inner)}); {stopReason ?? "retries are off"}. The escalation was not sent. Check the network and EscalationOptions.Region or Endpoint.", inner, attempts, elapsed);

    public static EscalationException ConnectionLost(EscalationSettings settings, Exception inner, int attempts, TimeSpan elapsed) =>
        NoAnswer(EscalationFailureKind.ConnectionLost, $"The connection to {settings.Target} closed before a response arrived ({TransportErrors.Describe(inner)}). {NotResent}", inner, attempts, elapsed);

    /// <summary>A handler below the client followed a redirect: the endpoint's own answer was not an acceptance.</summary>
    public static EscalationException Redirected(AttemptResponse response, EscalationSettings settings, int attempts, TimeSpan elapsed) =>
        new(EscalationFailureKind.UnexpectedResponse,
            $"The escalation endpoint at {settings.Target} answered with a redirect, and the HTTP handler followed it to {response.FollowedRedirectTo!.Host} " +
            (response.BodyFollowedRedirect ? $"re-sending the escalation there. {NotResent}" : "without the escalation; it was not accepted.") +
            $" Escalations are never redirected: check EscalationOptions.Endpoint or Region, and use the library's registration or new EscalationClient(options), which never follow redirects.{Details(response.RequestId, attempts, elapsed)}")
        {
            Outcome = response.Class.Outcome,
            Attempts = attempts,
            Elapsed = elapsed,
        };

    /// <summary>An HTTP handler tried to write the body a second time (to follow a redirect): refused, the body went out once.</summary>
    public static EscalationException BodyResendRefused(EscalationSettings settings, Exception inner, int attempts, TimeSpan elapsed) =>
        NoAnswer(EscalationFailureKind.UnexpectedResponse, $"The escalation endpoint at {settings.Target} answered with a redirect and the HTTP handler tried to send the escalation again to follow it; the library refused, so it was not accepted. Escalations are never redirected: check EscalationOptions.Endpoint or Region.", inner, attempts, elapsed);

    public static EscalationException RepeatedSend(Exception inner, int attempts, TimeSpan elapsed) =>
        NoAnswer(EscalationFailureKind.RepeatedSend, $"{inner.Message} {NotResent}", inner, attempts, elapsed);

    /// <summary>A handler chained on the client failed (or cut off the answer) after the request was handed to the transport.</summary>
    public static EscalationException PipelineFailed(EscalationSettings settings, Exception inner, bool timedOut, int attempts, TimeSpan elapsed) =>
        NoAnswer(
            timedOut ? EscalationFailureKind.Timeout : EscalationFailureKind.ConnectionLost,
            $"A message handler of the escalation client ended the call to {settings.Target} after the request was sent ({inner.GetType().Name}: {inner.Message}). {NotResent}",
            inner,
            attempts,
            elapsed);

    public static EscalationException AlreadyEscalated(ConversationRecord earlier, string agentSkillId, EscalationSettings settings) =>
        new(EscalationFailureKind.AlreadyEscalated,
            $"Not sent: this conversation was escalated to skill {earlier.SkillId} moments ago ({Describe(earlier)}), and escalating it to skill {agentSkillId} within the duplicate-guard window ({settings.DuplicateGuard!.Window.TotalSeconds:0.###} s, DuplicateGuard:Window) would transfer it twice. Route it from the agent side, or escalate again after the window.")
        {
            IsDeduplicated = true,
            Outcome = earlier.State != GuardState.Accepted ? EscalationOutcome.Unknown : EscalationOutcome.NotAccepted,
            EarlierEscalationId = earlier.State == GuardState.Accepted ? earlier.Owner : null,
            EarlierAgentSkillId = earlier.SkillId,
            TransferFailures = earlier.EntryTransferFailures,
            RequestId = earlier.RequestId,
            StatusCode = earlier.State == GuardState.Accepted ? earlier.Status : null,
            Attempts = earlier.Attempts,
            Elapsed = earlier.Elapsed,
        };

    public static EscalationException GaveUp(ConversationRecord givenUp, EscalationSettings settings)
    {
        var fallback = settings.Fallback;
        var why = givenUp.GiveUpReason == TransferGiveUpReason.NoFallbackSkill
            ? $"the transfer to skill {givenUp.FailedSkillId} failed and that skill has no fallback (Fallback:Skills)"
            : $"its transfers failed {givenUp.TransferFailures} time(s), the most allowed (Fallback:MaxTransferFailures = {fallback.MaxTransferFailures})";
        return new EscalationException(
            EscalationFailureKind.GaveUp,
            $"Not sent: the library gave up transferring this conversation, because {why}. Nothing more is sent for it within {fallback.Window} (Fallback:Window): tell the user no agent can take the conversation now, and keep the bot talking instead of escalating again.")
        {
            IsDeduplicated = true,
            Outcome = EscalationOutcome.NotAccepted,
            EarlierAgentSkillId = givenUp.FailedSkillId,
            TransferFailures = givenUp.TransferFailures,
        };
    }

    public static EscalationException EarlierOutcomeUnknown(ConversationRecord earlier, EscalationSettings settings) =>
        new(earlier.FailureKind ?? EscalationFailureKind.ConnectionLost,
            $"Not sent: an escalation of this conversation moments ago ended with an unknown outcome ({earlier.FailureKind}), so LivePerson may already have accepted it. Check the conversation; a failed transfer reaches the bot as {TransferFailureReport.EscalationFailedSignal}. Repeats are refused for {settings.DuplicateGuard!.Window.TotalSeconds:0.###} s ({settings.Source.Setting("DuplicateGuard:Window")}; {settings.Source.Setting("DuplicateGuard:AllowRepeatsWhenOutcomeUnknown")} = true sends them).")
        {
            IsDeduplicated = true,
            Outcome = EscalationOutcome.Unknown,
            Attempts = earlier.Attempts,
        };

    public static EscalationException EarlierNotAccepted(ConversationRecord earlier) =>
        new(earlier.FailureKind ?? EscalationFailureKind.Rejected,
            $"Not sent: this call waited for another call's escalation of the same conversation, which LivePerson did not accept ({earlier.FailureKind}{(earlier.StatusCode == 0 ? string.Empty : $", HTTP {earlier.StatusCode}")}); that call's error says what to check. Escalating again is safe.{Details(earlier.RequestId, earlier.Attempts, earlier.Elapsed)}")
        {
            IsDeduplicated = true,
            Outcome = EscalationOutcome.NotAccepted,
            StatusCode = earlier.StatusCode == 0 ? null : earlier.Status,
            RequestId = earlier.RequestId,
            Attempts = earlier.Attempts,
            Elapsed = earlier.Elapsed,
        };

    public static EscalationException GuardUnavailable(Exception storeFailure) =>
        new(EscalationFailureKind.GuardUnavailable,
            storeFailure is GuardCapacityException
                ? $"Not sent: {storeFailure.Message} DuplicateGuard:RefuseWhenStoreUnavailable is true."
                : $"Not sent: the duplicate guard's store could not be reached ({storeFailure.GetType().Name}), and DuplicateGuard:RefuseWhenStoreUnavailable is true. Check the store (Redis), or set it to false to escalate, guarded by this instance alone, while it is down.",
            storeFailure)
        {
            Outcome = EscalationOutcome.NotAccepted,
        };

    public static EscalationException InFlightElsewhere(ConversationRecord sending, Exception storeFailure) =>
        new(EscalationFailureKind.GuardUnavailable,
            $"Not sent: another call is escalating this conversation to skill {sending.SkillId} right now, and the duplicate guard's store stopped answering ({storeFailure.GetType().Name}) before its outcome arrived. That escalation goes on; check the conversation before escalating it again.",
            storeFailure)
        {
            IsDeduplicated = true,
            Outcome = EscalationOutcome.Unknown,
            EarlierAgentSkillId = sending.SkillId,
        };

    public static EscalationException UnknownEscalation(bool named, TimeSpan fallbackWindow) =>
        new(EscalationFailureKind.UnknownEscalation,
            named
                ? $"Nothing recorded or sent: {nameof(TransferFailureReport)}.{nameof(TransferFailureReport.EscalationId)} names an escalation this conversation's record never issued (another conversation's id, or one mistyped). Pass the EscalationResult.EscalationId of this conversation's escalation exactly as it was returned, or leave it unset for the conversation's latest."
                : $"Nothing recorded or sent: the library knows no accepted escalation of this conversation to report (it was never escalated through this account, or its record is gone: older than Fallback:Window = {fallbackWindow}, or lost by the shared store). Escalate the conversation again instead.")
        {
            Outcome = EscalationOutcome.NotAccepted,
        };

    public static EscalationException Contended(int rounds) =>
        new(EscalationFailureKind.ServiceUnavailable,
            $"Not sent: {rounds} other calls escalating this conversation at the same time were not accepted one after another; try again later.")
        {
            Outcome = EscalationOutcome.NotAccepted,
        };

    /// <summary>A failure without an answer to quote: what happened, the details, and the transport error as inner exception.</summary>
    private static EscalationException NoAnswer(EscalationFailureKind kind, string message, Exception inner, int attempts, TimeSpan elapsed) =>
        new(kind, message + Details(null, attempts, elapsed), inner)
        {
            Attempts = attempts,
            Elapsed = elapsed,
        };

    private static string Describe(ConversationRecord earlier) => earlier.State switch
    {
        GuardState.Accepted => $"accepted, HTTP {earlier.StatusCode}, request id {earlier.RequestId ?? "none"}",
        GuardState.InFlight => "still in flight",
        _ => $"outcome unknown: {earlier.FailureKind}",
    };

    private static string Details(string? requestId, int attempts, TimeSpan elapsed) =>
        $" (request id: {requestId ?? "none"}; attempts: {attempts}; elapsed: {elapsed.TotalMilliseconds:0} ms)";
}
