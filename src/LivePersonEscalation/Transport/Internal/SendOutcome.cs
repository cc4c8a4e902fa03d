namespace LivePersonEscalation.Internal;

/// <summary>
/// How a sent escalation ended, as the wire decided it: accepted (with its result), provably not accepted, or
/// unknown, and what the caller gets (the result, or the exception to throw after the guard was settled).
/// </summary>
internal sealed class SendOutcome
{
    private SendOutcome(EscalationOutcome state, EscalationResult? result, Exception? failure)
    {
        State = state;
        Result = result;
        Failure = failure;
    }

    public EscalationOutcome State { get; }

    /// <summary>LivePerson's acceptance, when <see cref="State"/> is accepted (also when the caller then cancelled).</summary>
    public EscalationResult? Result { get; }

    /// <summary>What the caller gets instead of <see cref="Result"/>: a failure, or the caller's cancellation.</summary>
    public Exception? Failure { get; }

    public static SendOutcome Accepted(EscalationResult result) => new(EscalationOutcome.Accepted, result, null);

    public static SendOutcome Failed(EscalationException failure) =>
        new(failure.Outcome, null, failure);

    public static SendOutcome Canceled(EscalationCanceledException canceled) => new(canceled.Outcome, canceled.Result, canceled);

    /// <summary>An exception the library does not classify, raised by a chained handler before the request reached the transport.</summary>
    public static SendOutcome Unclassified(Exception exception) => new(EscalationOutcome.NotAccepted, null, exception);

    public EscalationResult ResultOrThrow()
    {
        if (Failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(Failure).Throw();
        }

        return Result!;
    }
}
