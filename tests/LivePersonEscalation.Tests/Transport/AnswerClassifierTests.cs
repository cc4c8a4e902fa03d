using LivePersonEscalation.Internal;

namespace LivePersonEscalation.Tests.Transport;

/// <summary>The one classifier, for what ends an attempt with no answer and for redirects, stated as a table.</summary>
public sealed class AnswerClassifierTests
{
    public static TheoryData<string, bool?, EscalationOutcome, bool, EscalationFailureKind?> Exceptions => new()
    {
        // what ended the attempt, reached the transport?, outcome, retryable, kind
        { "connect refused", true, EscalationOutcome.NotAccepted, true, EscalationFailureKind.ConnectionFailed },
        { "connection closed", true, EscalationOutcome.Unknown, false, EscalationFailureKind.ConnectionLost },
        { "connection closed", false, EscalationOutcome.NotAccepted, false, EscalationFailureKind.ConnectionFailed },
        { "timeout", true, EscalationOutcome.Unknown, false, EscalationFailureKind.Timeout },
        { "timeout", null, EscalationOutcome.Unknown, false, EscalationFailureKind.Timeout },
        { "handler timeout", true, EscalationOutcome.Unknown, false, EscalationFailureKind.Timeout },
        { "handler error", true, EscalationOutcome.Unknown, false, EscalationFailureKind.ConnectionLost },
        { "handler error", false, EscalationOutcome.NotAccepted, false, null },
        { "resend refused", true, EscalationOutcome.Unknown, false, EscalationFailureKind.RepeatedSend },
        { "redirect resend refused", true, EscalationOutcome.NotAccepted, false, EscalationFailureKind.UnexpectedResponse },
    };

    [Theory]
    [MemberData(nameof(Exceptions))]
    public void An_attempt_without_an_answer_is_classified_once(string ending, bool? reachedTransport, EscalationOutcome outcome, bool retryable, EscalationFailureKind? kind)
    {
        var answer = AnswerClassifier.OfException(Ending(ending), reachedTransport);

        Assert.Equal(new AnswerClass(outcome, retryable, kind), answer);
    }

    [Theory]
    [InlineData(true, EscalationOutcome.Unknown)]
    [InlineData(false, EscalationOutcome.NotAccepted)]
    public void A_followed_redirect_is_never_accepted_nor_retried(bool bodyFollowed, EscalationOutcome outcome)
    {
        Assert.Equal(new AnswerClass(outcome, false, EscalationFailureKind.UnexpectedResponse), AnswerClassifier.OfRedirect(bodyFollowed));
    }

    private static Exception Ending(string ending) => ending switch
    {
        "connect refused" => new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"),
        "connection closed" => new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."),
        "timeout" => new TaskCanceledException("timed out"),
        "handler timeout" => new TimeoutRejected(),
        "handler error" => new InvalidOperationException("a handler failed"),
        "resend refused" => new HttpRequestException("wrapped", AttemptRefusedException.RepeatedSend()),
        "redirect resend refused" => new HttpRequestException("wrapped", AttemptRefusedException.BodyResend()),
        _ => throw new ArgumentOutOfRangeException(nameof(ending), ending, null),
    };

    /// <summary>Named as Polly's is: a handler's timeout is known by its name.</summary>
    private sealed class TimeoutRejected : Exception
    {
        public TimeoutRejected()
            : base("The operation didn't complete within the allowed timeout.")
        {
        }
    }
}
