namespace LivePersonEscalation;

/// <summary>
/// One account's skill availability (<see cref="SkillAvailabilityOptions"/>): shift status and agents online per
/// configured skill, from one snapshot shared by every caller and refreshed in the background. Once the first snapshot
/// exists no call waits for LivePerson; before it, concurrent first callers share one fetch, bounded by
/// <see cref="SkillAvailabilityOptions.Timeout"/>. A LivePerson API that fails never fails a call: the answer is
/// unknown, or the last good data while it is younger than <see cref="SkillAvailabilityOptions.StaleAfterIntervals"/>
/// refresh intervals. Registered by <c>AddSkillAvailability()</c> (keyed for a named account), also as the core's
/// <see cref="ISkillAvailability"/>, which <see cref="AgentHandoff"/> consults.
/// </summary>
/// <example>
/// <code>
/// var billing = await snapshot.GetAsync("123456", cancellationToken);
/// if (billing.OnShift == false)
/// {
///     return $"Billing opens at {billing.NextOn:t}.";
/// }
/// </code>
/// </example>
public interface ISkillAvailabilitySnapshot : ISkillAvailability
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
}
