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
    /// this one; see <see cref="EscalationException.Kind"/>, <see cref="EscalationException.Outcome"/> and
    /// <see cref="EscalationException.IsDeduplicated"/>.
    /// </exception>
    /// <exception cref="EscalationCanceledException"><paramref name="cancellationToken"/> was cancelled; see <see cref="EscalationCanceledException.Outcome"/>.</exception>
    Task<EscalationResult> EscalateAsync(EscalationRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reports that the transfer of an accepted escalation failed (the bot heard <see cref="TransferFailureReport.EscalationFailedSignal"/>),
    /// and escalates the conversation to the fallback skill, or gives up on it. The failure is recorded in the duplicate
    /// guard's store (shared by a fleet on Redis), once per escalation: a repeated report of the same
    /// <see cref="TransferFailureReport.EscalationId"/> counts nothing and sends nothing that was sent before. The
    /// library gives up after <see cref="EscalationFallbackOptions.MaxTransferFailures"/> failures, or when the failed
    /// skill has no fallback (<see cref="EscalationFallbackOptions.Skills"/>) and the report names none; then every
    /// escalation of the conversation fails with <see cref="EscalationFailureKind.GaveUp"/> for <see cref="EscalationFallbackOptions.Window"/>.
    /// </summary>
    /// <param name="report">The conversation, the escalation whose transfer failed, and the fallback's transfer message.</param>
    /// <param name="cancellationToken">Ends this call; a failure already recorded stays recorded, and the fallback escalation ends as <see cref="EscalateAsync"/> says.</param>
    /// <returns>The conversation's transfer failures, and the fallback escalation or why the library gave up.</returns>
    /// <exception cref="ArgumentException">The report is invalid, or names nothing the library can tell the failed skill from; nothing was recorded or sent.</exception>
    /// <exception cref="InvalidOperationException">The duplicate guard is off: it is what remembers transfer failures.</exception>
    /// <exception cref="EscalationException">The escalation to the fallback skill failed (the failure stays recorded; a repeated report escalates again), or the guard's shared store cannot be reached and must not be bypassed.</exception>
    /// <exception cref="EscalationCanceledException"><paramref name="cancellationToken"/> was cancelled during the fallback escalation.</exception>
    Task<TransferFailureResult> ReportTransferFailureAsync(TransferFailureReport report, CancellationToken cancellationToken = default);
}
