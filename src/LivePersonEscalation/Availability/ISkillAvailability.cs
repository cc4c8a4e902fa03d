namespace LivePersonEscalation;

/// <summary>
/// The account's skill availability (<see cref="SkillAvailabilityOptions"/>): shift status and agents online per
/// configured skill, from one snapshot shared by every caller and refreshed in the background. Once the first snapshot
/// exists no call waits for LivePerson; before it, concurrent first callers share one fetch, bounded by
/// <see cref="SkillAvailabilityOptions.Timeout"/>. A LivePerson API that fails never fails a call: the answer is
/// unknown, or the last good data while it is younger than <see cref="SkillAvailabilityOptions.StaleAfterIntervals"/>
/// refresh intervals. Registered by <c>AddLivePersonEscalation</c> (keyed for a named account).
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
    /// <summary>True when availability is configured (<see cref="SkillAvailabilityOptions.AccountId"/>); false: every answer is unknown and every decision <see cref="TransferDecisionKind.NotChecked"/>.</summary>
    bool IsEnabled { get; }

    /// <summary>The availability of one skill.</summary>
    /// <param name="agentSkillId">The numeric skill id; only the skills of <see cref="EscalationOptions.Skills"/> are fetched, others answer unknown.</param>
    /// <param name="cancellationToken">Cancels the wait for the first snapshot.</param>
    /// <returns>The skill's availability; never throws for a LivePerson failure.</returns>
    /// <exception cref="ArgumentException"><paramref name="agentSkillId"/> is not a numeric skill id.</exception>
    ValueTask<SkillAvailability> GetAsync(string agentSkillId, CancellationToken cancellationToken = default);

    /// <summary>The availability of every configured skill (<see cref="EscalationOptions.Skills"/>), ordered by skill id.</summary>
    /// <param name="cancellationToken">Cancels the wait for the first snapshot.</param>
    /// <returns>One answer per configured skill id.</returns>
    ValueTask<IReadOnlyList<SkillAvailability>> GetAllAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Decides whether to send <paramref name="request"/> and to which skill: off shift, nothing; on shift with nobody
    /// online, its fallback skill (<see cref="EscalationFallbackOptions.Skills"/>) when that has agents, else as
    /// <see cref="SkillAvailabilityOptions.WhenNoAgentsOnline"/> says; unknown, as requested. Traced and counted.
    /// </summary>
    /// <param name="request">The escalation about to be sent; a skill name is resolved through <see cref="EscalationOptions.Skills"/>.</param>
    /// <param name="cancellationToken">Cancels the wait for the first snapshot.</param>
    /// <returns>The decision, with the request to send.</returns>
    /// <exception cref="ArgumentException">The request is invalid (the same rules as <see cref="IEscalationClient.EscalateAsync"/>); nothing was decided.</exception>
    ValueTask<TransferDecision> DecideAsync(EscalationRequest request, CancellationToken cancellationToken = default);
}
