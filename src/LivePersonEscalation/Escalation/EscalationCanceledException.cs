namespace LivePersonEscalation;

/// <summary>
/// The caller's <see cref="CancellationToken"/> ended an escalation call. It is an
/// <see cref="OperationCanceledException"/>, as .NET convention wants, and also says how far the escalation got:
/// a cancellation after the request may have reached LivePerson does not mean it was not accepted.
/// </summary>
/// <example>
/// <code>
/// catch (EscalationCanceledException canceled) when (canceled.Outcome != EscalationOutcome.NotAccepted)
/// {
///     // LivePerson accepted it, or may have: do not escalate this conversation again right away.
/// }
/// </code>
/// </example>
public sealed class EscalationCanceledException : OperationCanceledException
{
    /// <summary>Creates the exception for a call that <paramref name="cancellationToken"/> ended.</summary>
    /// <param name="outcome">How far the escalation got when the call was cancelled.</param>
    /// <param name="cancellationToken">The caller's token that was cancelled.</param>
    /// <param name="result">LivePerson's acceptance, when <paramref name="outcome"/> is <see cref="EscalationOutcome.Accepted"/>.</param>
    /// <param name="innerException">The cancellation or fault that ended the wait, if any.</param>
    public EscalationCanceledException(EscalationOutcome outcome, CancellationToken cancellationToken, EscalationResult? result = null, Exception? innerException = null)
        : base(Describe(outcome), innerException, cancellationToken)
    {
        Outcome = outcome;
        Result = result;
    }

    /// <summary>How far the escalation got: not accepted, unknown, or accepted.</summary>
    public EscalationOutcome Outcome { get; }

    /// <summary>LivePerson's acceptance (its body possibly cut short) when <see cref="Outcome"/> is <see cref="EscalationOutcome.Accepted"/>.</summary>
    public EscalationResult? Result { get; }


    private static string Describe(EscalationOutcome outcome) => outcome switch
    {
        EscalationOutcome.Accepted => "The escalation call was canceled after LivePerson accepted the escalation; it is remembered as accepted and will not be sent again within the duplicate-guard window.",
        EscalationOutcome.Unknown => "The escalation call was canceled after the request may have reached LivePerson: whether it was accepted is unknown. Check the conversation before escalating it again.",
        _ => "The escalation call was canceled before LivePerson accepted anything; escalating the conversation again is safe.",
    };
}
