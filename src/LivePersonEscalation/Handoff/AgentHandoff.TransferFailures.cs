using LivePersonEscalation.Internal;

namespace LivePersonEscalation;

/// <summary>The handoff again after a transfer failure: the report, then the fallback skill's escalation.</summary>
public sealed partial class AgentHandoff
{
    /// <summary>
    /// What a bot's <see cref="TransferFailureReport.EscalationFailedSignal"/> dialog calls: reports the failed transfer
    /// (<see cref="IEscalationClient.ReportTransferFailureAsync"/>), and either escalates to the fallback skill with the
    /// transfer message delivered channel-aware again, or says the library gave up (<see cref="AgentHandoffResult.GaveUp"/>).
    /// On the preview channel, where the bot sends the message itself, it is sent once the fallback was accepted, so a
    /// user is never told a transfer is coming that will not happen.
    /// </summary>
    /// <param name="context">The conversation's bot context.</param>
    /// <param name="handoff">
    /// The transfer message for the fallback escalation, and the skill whose transfer failed (used only when the
    /// library knows no escalation of the conversation).
    /// </param>
    /// <param name="escalationId">The <see cref="EscalationResult.EscalationId"/> whose transfer failed, or null for the conversation's latest.</param>
    /// <param name="cancellationToken">Cancels the handoff; a failure already recorded stays recorded.</param>
    /// <returns>The report's result in <see cref="AgentHandoffResult.TransferFailure"/>, and the fallback escalation or its failure.</returns>
    /// <exception cref="ArgumentException">The message, skill, escalation id or an id is invalid; nothing was recorded, delivered or sent.</exception>
    /// <exception cref="InvalidOperationException">The duplicate guard is off.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<AgentHandoffResult> HandOffAfterTransferFailureAsync(IBotContext context, AgentHandoffRequest handoff, string? escalationId = null, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(context);
        Argument.NotNull(handoff);

        var text = TransferMessage.Validate(handoff.TransferMessage, nameof(handoff));
        var preview = context.Channel.IsPreview;
        var report = new TransferFailureReport
        {
            UserPlatformId = context.UserPlatformId,
            ChatBotId = context.ChatBotId,
            ConversationId = context.ConversationId,
            EscalationId = escalationId,
            Message = preview ? EscalationRequest.BlankMessage : text,
        };

        // Checked before anything is stored, recorded or sent; the client checks again, with the same rules.
        _ = CheckedTransferFailureReport.Check(report, _skills());
        if (!preview)
        {
            await context.SetBotVariableAsync(TransferMessage.VariableName, text, persistForSession: true, persistForever: false, cancellationToken).ConfigureAwait(false);
        }

        var notDelivered = new TransferMessage(context.Channel, TransferMessageMethod.NotDelivered, text, report.Message!);
        var delivery = preview ? notDelivered : new TransferMessage(context.Channel, TransferMessageMethod.StoredInVariable, text, text);
        TransferFailureResult outcome;
        try
        {
            outcome = await _client.ReportTransferFailureAsync(report, cancellationToken).ConfigureAwait(false);
        }
        catch (EscalationException failure)
        {
            return new AgentHandoffResult { TransferMessage = delivery, Request = RequestOf(report, skillId: null), Failure = failure };
        }

        if (outcome.GaveUp)
        {
            return new AgentHandoffResult { TransferMessage = notDelivered, Request = RequestOf(report, outcome.FailedSkillId), TransferFailure = outcome };
        }

        if (preview && outcome.Escalation is not null && !outcome.IsRepeatedReport)
        {
            await context.SendMessageAsync(text, cancellationToken).ConfigureAwait(false);
            delivery = new TransferMessage(context.Channel, TransferMessageMethod.SentToUser, text, EscalationRequest.BlankMessage);
        }

        return new AgentHandoffResult { TransferMessage = delivery, Request = RequestOf(report, outcome.FallbackSkillId), TransferFailure = outcome, Escalation = outcome.Escalation };
    }

    private static EscalationRequest RequestOf(TransferFailureReport report, string? skillId) => new()
    {
        UserPlatformId = report.UserPlatformId,
        ChatBotId = report.ChatBotId,
        ConversationId = report.ConversationId,
        AgentSkillId = skillId ?? report.FallbackSkillId,
        AgentSkillName = skillId is null ? report.FallbackSkillName : null,
        Message = report.Message,
    };
}
