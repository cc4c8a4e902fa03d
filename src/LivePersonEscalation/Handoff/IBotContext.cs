namespace LivePersonEscalation;

/// <summary>
/// What the host's bot runtime provides to a handoff: the conversation's channel and ids, sending a message to the
/// user, and the bot variables. Implement it over your bot framework; the mirror of Conversation Builder's
/// <c>botContext</c>.
/// </summary>
public interface IBotContext
{
    /// <summary>The channel of the conversation (<c>botContext.getChannel()</c>).</summary>
    BotChannel Channel { get; }

    /// <summary>The LivePerson conversation id (<c>botContext.getConversationId()</c>, <c>{$conversationId}</c>).</summary>
    string ConversationId { get; }

    /// <summary>
    /// The user platform id the escalation endpoint expects (<c>{$chatBotUserPlatformId}</c>, or
    /// <c>botContext.getUserPlatformId()</c>). The documentation is ambiguous about which: supply it explicitly.
    /// </summary>
    string UserPlatformId { get; }

    /// <summary>The bot's id (<c>{$chatBotId}</c>).</summary>
    string ChatBotId { get; }

    /// <summary>Sends <paramref name="message"/> to the user now (<c>botContext.sendMessage</c>).</summary>
    /// <param name="message">The text; may contain line breaks.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the message was handed to the runtime.</returns>
    Task SendMessageAsync(string message, CancellationToken cancellationToken = default);

    /// <summary>Sets a bot variable (<c>botContext.setBotVariable(name, value, persistForSession, persistForever)</c>).</summary>
    /// <param name="name">The variable name.</param>
    /// <param name="value">The value; bot variables are strings.</param>
    /// <param name="persistForSession">Keep it for the user's session.</param>
    /// <param name="persistForever">Keep it for the user long-term.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the variable was set.</returns>
    Task SetBotVariableAsync(string name, string value, bool persistForSession, bool persistForever, CancellationToken cancellationToken = default);

    /// <summary>Reads a bot variable (<c>botContext.getBotVariable(name)</c>).</summary>
    /// <param name="name">The variable name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The value, or null when the variable is not set.</returns>
    Task<string?> GetBotVariableAsync(string name, CancellationToken cancellationToken = default);
}
