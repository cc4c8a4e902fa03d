using LivePersonEscalation.Internal;

namespace LivePersonEscalation;

/// <summary>
/// The message the user sees before a transfer ("Hold on while I transfer you to an agent."), delivered
/// channel-aware as LivePerson's tutorial does (<see cref="DeliverAsync"/>): on the preview channel (<c>web</c>) the
/// bot sends it itself; on every other channel it goes into the <see cref="VariableName"/> bot variable and rides in
/// the escalation body. An instance says what was done with it.
/// </summary>
/// <param name="Channel">The conversation's channel, which decided the method.</param>
/// <param name="Method">Sent to the user now, or stored for the escalation body.</param>
/// <param name="Text">The transfer message text.</param>
/// <param name="EscalationMessage">
/// The value the escalation body's <c>message</c> must carry: <see cref="EscalationRequest.BlankMessage"/> after a
/// direct send, the text otherwise.
/// </param>
/// <example>
/// <code>
/// var delivery = await TransferMessage.DeliverAsync(botContext, "Hold on while I transfer you to an agent.", ct);
/// var request = new EscalationRequest { /* ids, skill */ Message = delivery.EscalationMessage };
/// </code>
/// </example>
public sealed record TransferMessage(BotChannel Channel, TransferMessageMethod Method, string Text, string EscalationMessage)
{
    /// <summary>True when the user has already seen the message (it was sent directly on the preview channel).</summary>
    public bool UserAlreadyTold => Method == TransferMessageMethod.SentToUser;

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
    public static async Task<TransferMessage> DeliverAsync(IBotContext context, string message, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(context);
        var text = Validate(message);

        var channel = context.Channel;
        if (channel.IsPreview)
        {
            await context.SendMessageAsync(text, cancellationToken).ConfigureAwait(false);
            return new TransferMessage(channel, TransferMessageMethod.SentToUser, text, EscalationRequest.BlankMessage);
        }

        await context.SetBotVariableAsync(VariableName, text, persistForSession: true, persistForever: false, cancellationToken).ConfigureAwait(false);
        return new TransferMessage(channel, TransferMessageMethod.StoredInVariable, text, text);
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
