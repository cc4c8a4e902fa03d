using System.Text.Json;
using LivePersonEscalation.Internal;

namespace LivePersonEscalation;

/// <summary>
/// The escalation client: POSTs <see cref="EscalationRequest"/>s to the region's <c>livePersonAgent</c> endpoint
/// with the API access key in the <c>Authorization</c> header. One conversation, one escalation: it retries only
/// when the escalation provably was not accepted, never follows redirects, and answers repeats of a conversation
/// from the duplicate guard (see <see cref="EscalationOptions.Retry"/> and <see cref="EscalationOptions.DuplicateGuard"/>).
/// Thread-safe; reuse one instance (or let <c>AddLivePersonEscalation</c> manage it).
/// </summary>
/// <example>
/// Without dependency injection:
/// <code>
/// var client = new EscalationClient(new EscalationOptions { Region = LivePersonRegion.Eu, ApiAccessKey = key });
/// EscalationResult result = await client.EscalateAsync(request, cancellationToken);
/// </code>
/// </example>
public sealed partial class EscalationClient : IEscalationClient, IPipelineCheck
{
    private readonly EscalationRuntime _runtime;
    private readonly EscalationSender _sender;

    internal EscalationClient(HttpClient httpClient, EscalationRuntime runtime, bool hasSingleSendHandler)
    {
        _runtime = runtime;
        _sender = new EscalationSender(httpClient, runtime, hasSingleSendHandler);
    }

    /// <inheritdoc />
    public Task<EscalationResult> EscalateAsync(EscalationRequest request, CancellationToken cancellationToken = default) =>
        EscalateAsync(request, _runtime.Current, claimed: null, transferFailures: 0, cancellationToken);

    /// <summary>
    /// Escalates with the settings of <paramref name="generation"/> (the call's one snapshot): through the guard, or
    /// on a claim the guard already gave this call (<paramref name="claimed"/>: a fallback claimed with its report),
    /// after <paramref name="transferFailures"/> failed transfers of the conversation.
    /// </summary>
    private async Task<EscalationResult> EscalateAsync(EscalationRequest request, SettingsGeneration generation, GuardClaim? claimed, int transferFailures, CancellationToken cancellationToken)
    {
        Argument.NotNull(request);
        var settings = generation.Settings;
        var body = EscalationRequestValidator.CreateBody(request, settings.Skills);
        var payload = JsonSerializer.SerializeToUtf8Bytes(body, EscalationJsonContext.Default.EscalationRequestBody);
        if (cancellationToken.IsCancellationRequested && claimed is null)
        {
            throw new EscalationCanceledException(EscalationOutcome.NotAccepted, cancellationToken);
        }

        using var scope = EscalationScope.Start(_runtime.Telemetry, body, _runtime.TimeProvider);
        _runtime.InFlight.Enter();
        try
        {
            // One conversation, one escalation: this call sends only if it claims the conversation; otherwise it
            // answers from the earlier call that did. The claim is settled with what the wire decided, whatever
            // the caller's token does.
            if (claimed is null && await _sender.HostResendsAsync(cancellationToken).ConfigureAwait(false))
            {
                throw EscalationFailures.HostResends();
            }

            var guard = _runtime.DuplicateGuard;
            var claim = claimed ?? (guard is null ? GuardClaim.Unguarded : await guard.EnterAsync(body.ConversationId, body.AgentSkillId, cancellationToken).ConfigureAwait(false));
            if (claim.Refusal is { } refusal)
            {
                throw refusal;
            }

            EscalationResult result;
            if (claim.Earlier is not null)
            {
                result = claim.AnswerFromEarlier(body.AgentSkillId, settings);
            }
            else
            {
                SendOutcome? outcome = null;
                try
                {
                    outcome = await _sender.SendAsync(payload, generation, cancellationToken).ConfigureAwait(false);
                    outcome.Result?.Identify(claim.Owner ?? EscalationIds.Create(), transferFailures);
                }
                finally
                {
                    claim.Settle(outcome, settings);
                }

                result = outcome.ResultOrThrow();
            }

            scope.Accepted(result, _runtime.TimeProvider);
            return result;
        }
        catch (OperationCanceledException ex) when (ex is not EscalationCanceledException && cancellationToken.IsCancellationRequested)
        {
            // Only this caller's wait for another call's escalation of the conversation ends so; that one goes on.
            var canceled = new EscalationCanceledException(EscalationOutcome.Unknown, cancellationToken, innerException: ex);
            scope.Failed(canceled, _runtime.TimeProvider);
            throw canceled;
        }
        catch (Exception ex)
        {
            scope.Failed(ex, _runtime.TimeProvider);
            throw;
        }
        finally
        {
            _runtime.InFlight.Exit();
        }
    }

    /// <inheritdoc />
    async Task<EscalationException?> IPipelineCheck.RefusalBeforeSendingAsync(CancellationToken cancellationToken) =>
        await _sender.HostResendsAsync(cancellationToken).ConfigureAwait(false) ? EscalationFailures.HostResends() : null;
}
