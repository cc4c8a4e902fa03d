namespace LivePersonEscalation;

/// <summary>
/// The seam through which <see cref="AgentHandoff"/> asks, before a transfer, whether anyone is there to take it. The
/// core package only consults it: LivePerson's shift status and agents online come from the
/// <c>LivePersonEscalation.Availability</c> package (<c>.AddSkillAvailability()</c> on the builder
/// <c>AddLivePersonEscalation</c> returns), which registers an implementation for the account. With none registered,
/// every handoff is sent as requested.
/// </summary>
/// <example>
/// <code>
/// var decision = await availability.DecideAsync(request, cancellationToken);
/// if (decision.IsOffShift)
/// {
///     return $"Our agents are back at {decision.OpensAt:t}.";
/// }
///
/// if (decision.ShouldEscalate)
/// {
///     await escalations.EscalateAsync(decision.Request, cancellationToken);
/// }
/// </code>
/// </example>
public interface ISkillAvailability
{
    /// <summary>
    /// Decides whether to send <paramref name="request"/> and to which skill. An implementation never fails for a
    /// LivePerson API that fails: the decision is then <see cref="TransferDecisionKind.EscalateUnknown"/>.
    /// </summary>
    /// <param name="request">
    /// The escalation about to be sent. <see cref="AgentHandoff"/> passes it with the skill resolved to its id
    /// (<see cref="EscalationRequest.AgentSkillId"/>).
    /// </param>
    /// <param name="cancellationToken">Cancels the decision (for example a wait for the first snapshot).</param>
    /// <returns>The decision, with the request to send.</returns>
    ValueTask<TransferDecision> DecideAsync(EscalationRequest request, CancellationToken cancellationToken = default);
}
