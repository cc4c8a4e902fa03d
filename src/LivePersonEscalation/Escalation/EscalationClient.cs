using System.Text.Json;
using LivePersonEscalation.Internal;
using Microsoft.Extensions.Logging;

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
public sealed partial class EscalationClient : IEscalationClient
{
    private readonly EscalationRuntime _runtime;
    private readonly EscalationSender _sender;

    /// <summary>
    /// Creates a client with <paramref name="options"/>, validated now, on the library's own shared HTTP pipeline:
    /// it never follows redirects and lets each attempt reach the network once. The safe choice without dependency
    /// injection. The options are read once.
    /// </summary>
    /// <param name="options">Region or endpoint, API access key, timeout, skills, retry and duplicate guard.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is invalid; the message names it.</exception>
    public EscalationClient(EscalationOptions options)
        : this(options, loggerFactory: null)
    {
    }

    /// <summary>
    /// Creates a client with <paramref name="options"/>, validated now, on the library's own shared HTTP pipeline
    /// (see <see cref="EscalationClient(EscalationOptions)"/>), logging through <paramref name="loggerFactory"/>.
    /// </summary>
    /// <param name="options">Region or endpoint, API access key, timeout, skills, retry and duplicate guard.</param>
    /// <param name="loggerFactory">Where the client logs (category <c>LivePersonEscalation</c>); null for no logs.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is invalid; the message names it.</exception>
    public EscalationClient(EscalationOptions options, ILoggerFactory? loggerFactory)
        : this(SharedHttpClient, CreateRuntime(options, loggerFactory), hasSingleSendHandler: true)
    {
    }

    /// <summary>
    /// Creates a client over <paramref name="httpClient"/> with <paramref name="options"/>, validated now.
    /// Prefer <see cref="EscalationClient(EscalationOptions)"/>: the library cannot stop a handler
    /// it does not own from following a redirect or retrying, though it never reports such an answer as accepted.
    /// </summary>
    /// <param name="httpClient">The HTTP client to send with; its <see cref="HttpClient.Timeout"/> also applies.</param>
    /// <param name="options">Region or endpoint, API access key, timeout, skills, retry and duplicate guard.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is invalid; the message names it.</exception>
    public EscalationClient(HttpClient httpClient, EscalationOptions options)
        : this(httpClient, options, loggerFactory: null)
    {
    }

    /// <summary>
    /// Creates a client over <paramref name="httpClient"/> with <paramref name="options"/>, validated now, logging
    /// through <paramref name="loggerFactory"/> (category <c>LivePersonEscalation</c>).
    /// </summary>
    /// <param name="httpClient">The HTTP client to send with; its <see cref="HttpClient.Timeout"/> also applies.</param>
    /// <param name="options">Region or endpoint, API access key, timeout, skills, retry and duplicate guard.</param>
    /// <param name="loggerFactory">Where the client logs; null for no logs.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is invalid; the message names it.</exception>
    public EscalationClient(HttpClient httpClient, EscalationOptions options, ILoggerFactory? loggerFactory)
        : this(Argument.NotNull(httpClient), CreateRuntime(options, loggerFactory), hasSingleSendHandler: false)
    {
    }

    internal EscalationClient(HttpClient httpClient, EscalationRuntime runtime, bool hasSingleSendHandler)
    {
        _runtime = runtime;
        _sender = new EscalationSender(httpClient, runtime, hasSingleSendHandler);
    }

    private static HttpClient SharedHttpClient { get; } = new(SingleSendHandler.Shared, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };

    /// <inheritdoc />
    public Task<EscalationResult> EscalateAsync(EscalationRequest request, CancellationToken cancellationToken = default) =>
        EscalateAsync(request, transferFailures: 0, cancellationToken);

    /// <summary>Escalates, after <paramref name="transferFailures"/> failed transfers of the conversation (a fallback), which its entry keeps.</summary>
    private async Task<EscalationResult> EscalateAsync(EscalationRequest request, int transferFailures, CancellationToken cancellationToken)
    {
        Argument.NotNull(request);
        var settings = _runtime.Settings;
        var body = EscalationRequestValidator.CreateBody(request, settings.Skills);
        var payload = JsonSerializer.SerializeToUtf8Bytes(body, EscalationJsonContext.Default.EscalationRequestBody);
        if (cancellationToken.IsCancellationRequested)
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
            var guard = _runtime.DuplicateGuard;
            var claim = guard is null ? GuardClaim.Unguarded : await guard.EnterAsync(body.ConversationId, body.AgentSkillId, transferFailures, cancellationToken).ConfigureAwait(false);
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
                    outcome = await _sender.SendAsync(payload, cancellationToken).ConfigureAwait(false);
                    outcome.Result?.Identify(claim.Owner ?? EscalationIds.Create(body.AgentSkillId), transferFailures);
                }
                finally
                {
                    claim.Settle(outcome);
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

    private static EscalationRuntime CreateRuntime(EscalationOptions options, ILoggerFactory? loggerFactory) =>
        new(EscalationSettings.Create(Argument.NotNull(options)), TimeProvider.System, meterFactory: null, loggerFactory);
}
