namespace LivePersonEscalation.WebhookSample;

/// <summary>The webhook's settings, bound from the "Webhook" section (Webhook__Secret in the environment, and so on).</summary>
internal sealed class WebhookSettings
{
    /// <summary>The shared secret the Conversation Builder integration sends in X-Webhook-Secret. Required.</summary>
    public string Secret { get; set; } = string.Empty;

    /// <summary>The message the user sees before the transfer.</summary>
    public string TransferMessage { get; set; } = "Hold on while I transfer you to an agent.";

    /// <summary>The transfer message when the wait is known: <c>{minutes}</c> is the wait in whole minutes, rounded up.</summary>
    public string WaitMessage { get; set; } = "Hold on while I transfer you to an agent. The current wait is about {minutes} minute(s).";

    /// <summary>What the user is shown for a long wait (Availability:QueueHealth:AskUserAbove), with <c>{minutes}</c>.</summary>
    public string LongWaitMessage { get; set; } = "The current wait for an agent is about {minutes} minute(s). Would you like to wait, or leave a message?";

    /// <summary>The skill (a name in LivePerson:Escalation:Skills) for an intent without a rule.</summary>
    public string DefaultSkill { get; set; } = string.Empty;

    /// <summary>Routing rules: intent name to skill name.</summary>
    public Dictionary<string, string> IntentSkills { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Agents' hours, written by hand: used only when LivePerson:Escalation:Availability is not configured. Its ClosedMessage is shown off shift either way.</summary>
    public BusinessHours BusinessHours { get; set; } = new();

    /// <summary>What the bot shows the user when LivePerson refused the escalation.</summary>
    public string FailureMessage { get; set; } = "Sorry, I could not reach an agent just now. Please try again in a moment.";

    /// <summary>What the bot shows the user when the skill is on shift but nobody is online (LivePerson:Escalation:Availability:WhenNoAgentsOnline = TellUser).</summary>
    public string NoAgentsMessage { get; set; } = "All our agents are busy right now; please write again in a few minutes.";

    /// <summary>What the bot shows the user when the library gave up on the conversation after failed transfers.</summary>
    public string GiveUpMessage { get; set; } = "I'm sorry, none of our agents can take the conversation right now. I'm still here to help, or you can write to us later.";

    /// <summary>Writes traces and metrics to the console (OpenTelemetry).</summary>
    public bool ExportTelemetry { get; set; }

    /// <summary>The skill for <paramref name="intent"/>: its rule, or the default.</summary>
    public string SkillFor(string? intent) =>
        intent is not null && IntentSkills.TryGetValue(intent, out var skill) ? skill : DefaultSkill;
}
