using LivePersonEscalation.Internal;

namespace LivePersonEscalation;

/// <summary>
/// Delivers the message the user sees before a transfer ("Hold on while I transfer you to an agent."), channel-aware,
/// as LivePerson's tutorial does: on the preview channel (<c>web</c>) the bot sends it itself; on every other channel
/// it goes into the <see cref="VariableName"/> bot variable and rides in the escalation body.
/// </summary>
/// <example>
/// <code>
/// var delivery = await TransferMessage.DeliverAsync(botContext, "Hold on while I transfer you to an agent.", ct);
/// var request = new EscalationRequest { /* ids, skill */ Message = delivery.EscalationMessage };
/// </code>
/// </example>
public static class TransferMessage
{
    /// <summary>The bot variable that carries the transfer message (<c>{$botContext.transferMessage}</c>).</summary>
    public const string VariableName = "transferMessage";

    /// <summary>
    /// Sends <paramref name="message"/> to the user on the preview channel, or stores it in the
    /// <see cref="VariableName"/> bot variable (for the session, not forever) on every other channel.
    /// </summary>
    /// <param name="context">The conversation's bot context.</param>
    /// <param name="message">The transfer message; must not be blank (to send none, escalate with <see cref="EscalationRequest.BlankMessage"/>).</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    /// <returns>What was done, and the value the escalation body's <c>message</c> must carry.</returns>
    /// <exception cref="ArgumentException"><paramref name="message"/> is blank, too long or has control characters.</exception>
    public static async Task<TransferMessageDelivery> DeliverAsync(IBotContext context, string message, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(context);
        var text = Validate(message);

        var channel = context.Channel;
        if (channel.IsPreview)
        {
            await context.SendMessageAsync(text, cancellationToken).ConfigureAwait(false);
            return new TransferMessageDelivery(channel, TransferMessageMethod.SentToUser, text, EscalationRequest.BlankMessage);
        }

        await context.SetBotVariableAsync(VariableName, text, persistForSession: true, persistForever: false, cancellationToken).ConfigureAwait(false);
        return new TransferMessageDelivery(channel, TransferMessageMethod.StoredInVariable, text, text);
    }

    /// <summary>Checks a transfer message before anything is delivered or sent.</summary>
    internal static string Validate(string? message, string paramName = "message")
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            throw new ArgumentException(
                $"The transfer message must not be blank: it is the last thing the user sees before the transfer. To send no message, escalate with EscalationRequest.Message = \"{EscalationRequest.BlankMessage}\" instead.",
                paramName);
        }

        return EscalationRequestValidator.NormalizeMessage(message, "The transfer message", paramName);
    }
}
