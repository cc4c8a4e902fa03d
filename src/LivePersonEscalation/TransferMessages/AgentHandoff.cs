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
public sealed class AgentHandoff
{
    private readonly IEscalationClient _client;
    private readonly SkillDirectory _skills;

    /// <summary>
    /// Creates a handoff over <paramref name="client"/>, resolving skill names through the
    /// <see cref="EscalationOptions.Skills"/> of <paramref name="options"/>: only the skills are read, so options without
    /// a key or endpoint (over a test double) will do.
    /// </summary>
    /// <param name="client">The escalation client.</param>
    /// <param name="options">Settings whose <see cref="EscalationOptions.Skills"/> map skill names to ids.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A skill id is not numeric; the message names it.</exception>
    public AgentHandoff(IEscalationClient client, EscalationOptions options)
        : this(client, SkillsOf(Argument.NotNull(options)))
    {
    }

    internal AgentHandoff(IEscalationClient client, EscalationSettings settings)
        : this(client, settings.Skills)
    {
    }

    private AgentHandoff(IEscalationClient client, SkillDirectory skills)
    {
        _client = Argument.NotNull(client);
        _skills = skills;
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
        var body = EscalationRequestValidator.CreateBody(request, _skills);

        var delivery = await TransferMessage.DeliverAsync(context, text, cancellationToken).ConfigureAwait(false);
        request = request with { AgentSkillId = body.AgentSkillId, Message = delivery.EscalationMessage };
        try
        {
            var accepted = await _client.EscalateAsync(request, cancellationToken).ConfigureAwait(false);
            return new AgentHandoffResult { TransferMessage = delivery, Request = request, Escalation = accepted };
        }
        catch (EscalationException failure)
        {
            return new AgentHandoffResult { TransferMessage = delivery, Request = request, Failure = failure };
        }
    }

    private static SkillDirectory SkillsOf(EscalationOptions options)
    {
        EscalationOptionsValidator.ThrowIfSkillsInvalid(options.Skills);
        return new SkillDirectory(options.Skills);
    }
}
