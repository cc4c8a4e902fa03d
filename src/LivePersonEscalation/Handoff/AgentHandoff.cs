using LivePersonEscalation.Internal;

namespace LivePersonEscalation;

/// <summary>
/// The agent handoff in one call: checks the escalation, delivers the transfer message channel-aware
/// (<see cref="TransferMessage"/>), escalates, and reports both steps. Nothing is delivered or sent when the
/// escalation would be invalid. Registered by <c>AddLivePersonEscalation</c>.
/// </summary>
/// <example>
/// <code>
/// var handoff = await agentHandoff.HandOffAsync(
///     botContext,
///     new AgentHandoffRequest { TransferMessage = "Hold on while I transfer you to an agent.", AgentSkillName = "billing" },
///     cancellationToken);
/// if (!handoff.IsAccepted &amp;&amp; handoff.UserAlreadyTold)
/// {
///     await botContext.SendMessageAsync("Sorry, I could not reach an agent. Please try again in a moment.", cancellationToken);
/// }
/// </code>
/// </example>
public sealed partial class AgentHandoff
{
    private readonly IEscalationClient _client;
    private readonly Func<SkillDirectory> _skills;
    private readonly ISkillAvailability? _availability;
    private readonly EscalationTelemetry? _telemetry;

    /// <summary>
    /// Creates a handoff over <paramref name="client"/>, resolving skill names through the
    /// <see cref="EscalationOptions.Skills"/> of <paramref name="options"/>: only the skills are read, so options without
    /// a key or endpoint (over a test double) will do.
    /// </summary>
    /// <param name="client">The escalation client.</param>
    /// <param name="options">Settings whose <see cref="EscalationOptions.Skills"/> map skill names to ids.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A skill id is not numeric; the message names it.</exception>
    public AgentHandoff(IEscalationClient client, EscalationOptions options)
        : this(client, Fixed(SkillsOf(Argument.NotNull(options))))
    {
    }

    /// <summary>
    /// Creates a handoff over <paramref name="client"/> that asks <paramref name="availability"/> first: off shift,
    /// nothing is delivered or sent; on shift with nobody online, the fallback skill or as the availability is configured
    /// (<see cref="ISkillAvailability.DecideAsync"/>, from the <c>LivePersonEscalation.Availability</c> package).
    /// </summary>
    /// <param name="client">The escalation client.</param>
    /// <param name="options">Settings whose <see cref="EscalationOptions.Skills"/> map skill names to ids.</param>
    /// <param name="availability">The account's skill availability.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A skill id is not numeric; the message names it.</exception>
    public AgentHandoff(IEscalationClient client, EscalationOptions options, ISkillAvailability availability)
        : this(client, Fixed(SkillsOf(Argument.NotNull(options))), Argument.NotNull(availability))
    {
    }

    internal AgentHandoff(IEscalationClient client, EscalationSettings settings, ISkillAvailability? availability = null)
        : this(client, Fixed(settings.Skills), availability)
    {
    }

    /// <summary>A handoff of a registration: its skills as the registration's current settings have them (they follow reloads).</summary>
    internal AgentHandoff(IEscalationClient client, EscalationRuntime runtime, ISkillAvailability? availability)
        : this(client, () => runtime.Settings.Skills, availability, runtime.Telemetry)
    {
    }

    private AgentHandoff(IEscalationClient client, Func<SkillDirectory> skills, ISkillAvailability? availability = null, EscalationTelemetry? telemetry = null)
    {
        _client = Argument.NotNull(client);
        _skills = skills;
        _availability = availability;
        _telemetry = telemetry;
    }

    /// <summary>Delivers the transfer message and escalates the conversation of <paramref name="context"/>.</summary>
    /// <param name="context">The conversation's bot context: channel, ids, messaging and variables.</param>
    /// <param name="handoff">The transfer message and the skill.</param>
    /// <param name="cancellationToken">Cancels the handoff.</param>
    /// <returns>How the message was delivered and whether LivePerson accepted the escalation.</returns>
    /// <exception cref="ArgumentException">The message, skill or an id is invalid; nothing was delivered or sent.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<AgentHandoffResult> HandOffAsync(IBotContext context, AgentHandoffRequest handoff, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(context);
        Argument.NotNull(handoff);

        var text = TransferMessage.Validate(handoff.TransferMessage, nameof(handoff));
        if (handoff.TransferMessageWithWait is { } template)
        {
            // Checked before anything happens, as the plain message is: a template that could not say the wait is a bug.
            if (template.IndexOf("{minutes}", StringComparison.Ordinal) < 0)
            {
                throw new ArgumentException("AgentHandoffRequest.TransferMessageWithWait has no {minutes}: put {minutes} where the wait in minutes goes, or leave it unset.", nameof(handoff));
            }

            _ = TransferMessage.Validate(template.Replace("{minutes}", "999"), nameof(handoff));
        }
        var request = new EscalationRequest
        {
            UserPlatformId = context.UserPlatformId,
            ChatBotId = context.ChatBotId,
            ConversationId = context.ConversationId,
            AgentSkillId = handoff.AgentSkillId,
            AgentSkillName = handoff.AgentSkillName,
            Message = text,
        };

        // Check the escalation before the user is told anything: an invalid one must not say "transferring".
        // The resolved skill id goes in the request, so the result shows what was really sent.
        string skillId;
        try
        {
            skillId = EscalationRequestValidator.CreateBody(request, _skills()).AgentSkillId;
        }
        catch (EscalationException unknownSkill)
        {
            // A skill name from runtime data that is not configured: a failed handoff, told nothing, sent nothing.
            return new AgentHandoffResult { TransferMessage = Untold(), Request = request, Failure = unknownSkill };
        }

        // Then whether anyone is there: off shift (or nobody online, when so configured) the user is told nothing
        // of a transfer, and nothing is sent. A fallback skill with agents takes the conversation instead.
        TransferDecision? decision = null;
        if (_availability is not null)
        {
            decision = await DecideAsync(request with { AgentSkillId = skillId, AgentSkillName = null }, cancellationToken).ConfigureAwait(false);
            if (!decision.ShouldEscalate && !(decision.IsLongWait && handoff.AcceptWait))
            {
                return new AgentHandoffResult { TransferMessage = Untold(), Request = request with { AgentSkillId = skillId }, Decision = decision };
            }

            if (decision.Request.AgentSkillId != skillId)
            {
                // The decision names the fallback by its id.
                request = decision.Request;
                skillId = decision.Request.AgentSkillId
                    ?? throw new InvalidOperationException($"{_availability.GetType().Name} decided {TransferDecisionKind.EscalateToFallback} without a skill id in TransferDecision.Request.");
            }
        }

        // With the wait known, the message says it (rounded up: never a promise of less than the data says).
        if (handoff.TransferMessageWithWait is { } withWait && decision?.ExpectedWaitMinutes is { } minutes)
        {
            text = TransferMessage.Validate(withWait.Replace("{minutes}", minutes.ToString(System.Globalization.CultureInfo.InvariantCulture)), nameof(handoff));
        }

        // A pipeline that would send twice (a host's retrying handler) refuses every escalation: found before the user
        // is told of a transfer that cannot happen.
        if (_client is IPipelineCheck pipeline && await pipeline.RefusalBeforeSendingAsync(cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return new AgentHandoffResult { TransferMessage = Untold(), Request = request with { AgentSkillId = skillId }, Failure = refused, Decision = decision };
        }

        var delivery = await TransferMessage.DeliverAsync(context, text, cancellationToken).ConfigureAwait(false);
        request = request with { AgentSkillId = skillId, Message = delivery.EscalationMessage };
        try
        {
            var accepted = await _client.EscalateAsync(request, cancellationToken).ConfigureAwait(false);
            return new AgentHandoffResult { TransferMessage = delivery, Request = request, Escalation = accepted, Decision = decision };
        }
        catch (EscalationException failure)
        {
            return new AgentHandoffResult { TransferMessage = delivery, Request = request, Failure = failure, Decision = decision };
        }

        TransferMessage Untold() => new(context.Channel, TransferMessageMethod.NotDelivered, text, EscalationRequest.BlankMessage);
    }

    private async Task<TransferDecision> DecideAsync(EscalationRequest resolved, CancellationToken cancellationToken)
    {
        using var activity = _telemetry?.StartAvailabilityActivity(resolved.ConversationId) ?? default;
        var decision = await _availability!.DecideAsync(resolved, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"{_availability.GetType().Name}.DecideAsync returned null; an ISkillAvailability must return a decision (TransferDecisionKind.NotChecked to send as requested).");
        _telemetry?.AvailabilityDecided(activity, resolved.AgentSkillId!, decision);
        return decision;
    }

    private static Func<SkillDirectory> Fixed(SkillDirectory skills) => () => skills;

    private static SkillDirectory SkillsOf(EscalationOptions options)
    {
        EscalationOptionsValidator.ThrowIfSkillsInvalid(options.Skills);
        return new SkillDirectory(options.Skills);
    }
}
