namespace LivePersonEscalation;

/// <summary>
/// The LivePerson Conversation Builder region (data centre) whose escalation endpoint receives the call.
/// The region must match the account: a key from one region is rejected by another.
/// </summary>
public enum LivePersonRegion
{
    /// <summary>United States: <c>https://platformservice.botcentralapi.com</c>.</summary>
    Us = 0,

    /// <summary>Europe: <c>https://platformservice-eu.botcentralapi.com</c>.</summary>
    Eu = 1,

    /// <summary>Asia-Pacific: <c>https://platformservice-ap.botcentralapi.com</c>.</summary>
    Apac = 2,

    /// <summary>
    /// United States, when the bot runs from the LiveEngage automation tab: <c>https://va.bc-bot.liveperson.net</c>.
    /// </summary>
    UsAutomation = 3,
}
