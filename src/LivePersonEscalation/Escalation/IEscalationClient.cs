namespace LivePersonEscalation;

/// <summary>
/// Hands a LivePerson Conversation Builder conversation over to a live agent or another bot through the
/// escalation API. Register it with <c>services.AddLivePersonEscalation(...)</c>, or construct an
/// <see cref="EscalationClient"/> directly.
/// </summary>
public interface IEscalationClient
{
    /// <summary>
    /// Validates <paramref name="request"/>, then POSTs it to the configured LivePerson escalation endpoint.
    /// </summary>
    /// <param name="request">The escalation to send.</param>
    /// <param name="cancellationToken">Cancels the call; it then throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>LivePerson's acceptance of the escalation (the transfer itself completes asynchronously).</returns>
    /// <exception cref="ArgumentException">The request is invalid; the message names the field. Nothing was sent.</exception>
    /// <exception cref="EscalationException">LivePerson refused the escalation, or the outcome is unknown; see <see cref="EscalationException.Kind"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<EscalationResult> EscalateAsync(EscalationRequest request, CancellationToken cancellationToken = default);
}
