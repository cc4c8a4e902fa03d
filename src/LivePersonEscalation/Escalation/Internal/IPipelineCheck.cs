namespace LivePersonEscalation.Internal;

/// <summary>
/// A client that can say, before anything is told or sent, that its HTTP pipeline would send an escalation twice (a
/// host's retrying handler): <see cref="AgentHandoff"/> asks before it tells the user of a transfer.
/// </summary>
internal interface IPipelineCheck
{
    /// <summary>The refusal every escalation through this client would meet, or null when its pipeline sends once.</summary>
    /// <param name="cancellationToken">Ends the wait for the check (nothing is sent either way).</param>
    /// <returns>The refusal, or null.</returns>
    /// <exception cref="EscalationCanceledException">The caller canceled while the check was under way.</exception>
    Task<EscalationException?> RefusalBeforeSendingAsync(CancellationToken cancellationToken);
}
