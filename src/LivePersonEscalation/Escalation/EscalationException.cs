using System.Net;

namespace LivePersonEscalation;

/// <summary>
/// The escalation failed or its outcome is unknown. Carries what a support ticket needs (kind, status, request id,
/// attempts, elapsed time, the start of the response body) and a message that says what to check. Never the API key.
/// Cancellation by the caller is not an escalation failure: it surfaces as <see cref="EscalationCanceledException"/>,
/// an <see cref="OperationCanceledException"/> that says whether the escalation may have been accepted.
/// </summary>
public sealed class EscalationException : Exception
{
    /// <summary>The longest response body excerpt kept: 4 KiB of text.</summary>
    public const int MaxResponseBodyLength = 4 * 1024;

    /// <summary>Creates an escalation failure, for example in a test double of <see cref="IEscalationClient"/>.</summary>
    /// <param name="kind">Why the escalation failed.</param>
    /// <param name="message">What happened and what to check.</param>
    /// <param name="innerException">The transport error, if any.</param>
    public EscalationException(EscalationFailureKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Outcome = IsOutcomeUnknownFor(kind) ? EscalationOutcome.Unknown : EscalationOutcome.NotAccepted;
    }

    /// <summary>Why the escalation failed, and so what to check.</summary>
    public EscalationFailureKind Kind { get; }

    /// <summary>
    /// Whether LivePerson may have taken the escalation: <see cref="EscalationOutcome.NotAccepted"/> when it provably
    /// did not (nothing was sent, or the answer says so: escalating again is safe), <see cref="EscalationOutcome.Unknown"/>
    /// when it may have (timeout or lost connection after sending, a 5xx other than 503, a redirect a host's handler
    /// followed with the body, a cancelled sender). An unknown outcome was deliberately not re-sent: sending twice can
    /// queue the conversation twice; check the conversation before escalating it again. The same question as
    /// <see cref="EscalationCanceledException.Outcome"/>. Defaults from <see cref="Kind"/>.
    /// </summary>
    public EscalationOutcome Outcome { get; init; }

    /// <summary>
    /// True when this call sent nothing: it is the answer of an earlier escalation of the same conversation within
    /// the duplicate-guard window (see <see cref="EscalationOptions.DuplicateGuard"/>).
    /// </summary>
    public bool IsDeduplicated { get; init; }

    /// <summary>
    /// The <see cref="EscalationResult.EscalationId"/> of the earlier accepted escalation that decides this one
    /// (<see cref="EscalationFailureKind.AlreadyEscalated"/>), when there is one.
    /// </summary>
    public string? EarlierEscalationId { get; init; }

    /// <summary>
    /// The numeric skill id of the earlier escalation that decides this one (the skill it really went to, for
    /// <see cref="EscalationFailureKind.AlreadyEscalated"/>; the skill whose transfer failed last, for <see cref="EscalationFailureKind.GaveUp"/>).
    /// </summary>
    public string? EarlierAgentSkillId { get; init; }

    /// <summary>The conversation's transfer failures, for <see cref="EscalationFailureKind.GaveUp"/>; else 0.</summary>
    public int TransferFailures { get; init; }

    /// <summary>Whether a failure of <paramref name="kind"/> leaves the outcome unknown, unless it says otherwise.</summary>
    internal static bool IsOutcomeUnknownFor(EscalationFailureKind kind) =>
        kind is EscalationFailureKind.Timeout or EscalationFailureKind.ConnectionLost
            or EscalationFailureKind.ServerError or EscalationFailureKind.RepeatedSend or EscalationFailureKind.Canceled;

    /// <summary>The HTTP status code, when a response arrived.</summary>
    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>The service's correlation id, when the response had one.</summary>
    public string? RequestId { get; init; }

    /// <summary>The start of the response body (at most <see cref="MaxResponseBodyLength"/> characters), when a response arrived.</summary>
    public string? ResponseBody { get; init; }

    /// <summary>How many HTTP attempts were made.</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>Time from the start of the escalation to the failure.</summary>
    public TimeSpan Elapsed { get; init; }
}
