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
    /// <param name="cancellationToken">
    /// Ends this call (never another caller's, and never what LivePerson already received); it then throws
    /// <see cref="EscalationCanceledException"/>, which says whether the escalation may have been accepted.
    /// </param>
    /// <returns>
    /// LivePerson's acceptance of the escalation (the transfer itself completes asynchronously), or, when the same
    /// conversation was escalated to the same skill moments ago, that acceptance marked <see cref="EscalationResult.IsDeduplicated"/>.
    /// </returns>
    /// <exception cref="ArgumentException">The request is invalid; the message names the field. Nothing was sent.</exception>
    /// <exception cref="EscalationException">
    /// LivePerson refused the escalation, the outcome is unknown, or an earlier escalation of the conversation decides
    /// this one; see <see cref="EscalationException.Kind"/>, <see cref="EscalationException.IsOutcomeUnknown"/> and
    /// <see cref="EscalationException.IsDeduplicated"/>.
    /// </exception>
    /// <exception cref="EscalationCanceledException"><paramref name="cancellationToken"/> was cancelled; see <see cref="EscalationCanceledException.Outcome"/>.</exception>
    Task<EscalationResult> EscalateAsync(EscalationRequest request, CancellationToken cancellationToken = default);
}
