namespace LivePersonEscalation;

/// <summary>Messages the LivePerson platform sends to the bot about an escalation.</summary>
public static class LivePersonSignals
{
    /// <summary>
    /// Sent to the bot as a user message when a transfer to a skill fails after LivePerson accepted it (mostly in
    /// Chat, sometimes in Messaging). The bot should catch it, tell the user, and not escalate again in a loop:
    /// after the fourth failure LivePerson stops escalating and tells the user it cannot transfer at this time.
    /// </summary>
    public const string EscalationFailed = "__agent_escalation_failed__";

    /// <summary>
    /// True when <paramref name="message"/> is the platform's <see cref="EscalationFailed"/> signal (exact match,
    /// surrounding white space ignored). Call it on each incoming user message before handling it as user text.
    /// </summary>
    /// <param name="message">The incoming message text.</param>
    /// <returns>True for the failure signal.</returns>
    public static bool IsEscalationFailed(string? message) =>
        message is not null && string.Equals(message.Trim(), EscalationFailed, StringComparison.Ordinal);
}
