namespace LivePersonEscalation;

/// <summary>
/// Both steps of a handoff: how the transfer message was delivered, and whether LivePerson accepted the escalation.
/// When the escalation failed after the message was sent directly (<see cref="UserAlreadyTold"/>), tell the user
/// the transfer did not happen.
/// </summary>
public sealed class AgentHandoffResult
{
    /// <summary>How the transfer message was delivered.</summary>
    public required TransferMessage TransferMessage { get; init; }

    /// <summary>The escalation that was sent (after a transfer failure the library gave up on: the one it did not send).</summary>
    public required EscalationRequest Request { get; init; }

    /// <summary>LivePerson's acceptance, when it accepted the escalation.</summary>
    public EscalationResult? Escalation { get; init; }

    /// <summary>Why the escalation failed, when it did.</summary>
    public EscalationException? Failure { get; init; }

    /// <summary>
    /// What the report of a failed transfer did (<see cref="AgentHandoff.HandOffAfterTransferFailureAsync"/>): the
    /// conversation's failures so far, and the fallback or why the library gave up; null for a first handoff.
    /// </summary>
    public TransferFailureResult? TransferFailure { get; init; }

    /// <summary>
    /// True when the library gave up on the conversation after failed transfers: nothing was sent, and nothing will be
    /// within <see cref="EscalationFallbackOptions.Window"/>. Tell the user no agent can take the conversation now.
    /// </summary>
    public bool GaveUp => TransferFailure?.GaveUp == true || Failure?.Kind == EscalationFailureKind.GaveUp;

    /// <summary>
    /// What the account's skill availability decided before the escalation (<see cref="ISkillAvailability.DecideAsync"/>):
    /// null when availability is off or for a transfer-failure report.
    /// </summary>
    public TransferDecision? Decision { get; init; }

    /// <summary>
    /// True when nothing was delivered or sent because the skill is off shift (<see cref="OpensAt"/> says when it
    /// opens) or nobody is online (<see cref="TransferDecisionKind.NoAgentsOnline"/>). Tell the user.
    /// </summary>
    public bool IsWithheld => Escalation is null && Failure is null && Decision is { ShouldEscalate: false };

    /// <summary>True when the skill is off shift and nothing was sent.</summary>
    public bool OutOfHours => Decision?.IsOffShift == true;

    /// <summary>When an off-shift skill opens, when LivePerson said.</summary>
    public DateTimeOffset? OpensAt => Decision?.OpensAt;

    /// <summary>The expected wait for an agent at the skill decided on, when LivePerson's queue health knows it.</summary>
    public TimeSpan? ExpectedWait => Decision?.ExpectedWait;

    /// <summary>True when nothing was sent because the wait is long: show the user the wait and let them choose; hand off again with <see cref="AgentHandoffRequest.AcceptWait"/> to send.</summary>
    public bool IsLongWait => IsWithheld && Decision!.IsLongWait;

    /// <summary>True when LivePerson accepted the escalation.</summary>
    public bool IsAccepted => Escalation is not null;

    /// <summary>True when the user has already seen the transfer message (sent directly on the preview channel).</summary>
    public bool UserAlreadyTold => TransferMessage.UserAlreadyTold;

    /// <summary>Returns the acceptance, or throws the failure.</summary>
    /// <returns>The accepted escalation.</returns>
    /// <exception cref="EscalationException">The escalation failed.</exception>
    /// <exception cref="InvalidOperationException">Nothing was sent: the skill is off shift, nobody is online, or the library gave up.</exception>
    public EscalationResult EnsureAccepted() =>
        Escalation ?? throw (Exception?)Failure ?? new InvalidOperationException(
            IsWithheld ? $"The escalation was not sent: {Decision}. Tell the user instead (see AgentHandoffResult.IsWithheld)."
            : "The handoff has neither an escalation nor a failure.");
}
