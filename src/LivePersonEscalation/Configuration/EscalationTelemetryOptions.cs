namespace LivePersonEscalation;

/// <summary>
/// What the library's traces, metrics and logs may contain beyond the safe defaults. The API access key never
/// appears in any of them. Bound from <c>LivePerson:Escalation:Telemetry</c>.
/// </summary>
public sealed class EscalationTelemetryOptions
{
    /// <summary>Adds the conversation id to each escalation's activity (tag <c>liveperson.conversation.id</c>). Off by default.</summary>
    public bool IncludeConversationId { get; set; }

    /// <summary>Logs the transfer message text, at <c>Trace</c> level only. Off by default: messages may hold personal data.</summary>
    public bool LogMessageText { get; set; }
}
