using System.Text.Json;
using System.Text.Json.Serialization;

namespace LivePersonEscalation.WebhookSample;

/// <summary>What the bot's API integration posts to /escalations: the conversation's ids, its channel and the intent that asked for an agent.</summary>
internal sealed record EscalationCall(string? ConversationId, string? UserPlatformId, string? ChatBotId, string? Channel, string? Intent, bool? AcceptWait = null)
{
    public ConversationFields Fields => new(ConversationId, UserPlatformId, ChatBotId, Channel, Intent, EscalationId: null);
}

/// <summary>
/// What the bot's <c>__agent_escalation_failed__</c> dialog posts to /transfer-failures: the same, and the
/// <c>escalationId</c> of the last answer (optional).
/// </summary>
internal sealed record TransferFailureCall(string? ConversationId, string? UserPlatformId, string? ChatBotId, string? Channel, string? Intent, string? EscalationId)
{
    public ConversationFields Fields => new(ConversationId, UserPlatformId, ChatBotId, Channel, Intent, EscalationId);
}

/// <summary>
/// What the bot does next. <c>accepted</c>: LivePerson took the escalation (<c>escalationId</c>: keep it for a
/// transfer-failure report). <c>sendTransferMessage</c>: send <c>transferMessage</c> yourself (the Conversation
/// Builder preview channel, <c>web</c>). <c>showUser</c>: a text to show instead (out of hours with <c>opensAt</c>,
/// nobody online with <c>noAgentsOnline</c>, the escalation
/// failed, or the library gave up after failed transfers: <c>gaveUp</c>). <c>failures</c>: the conversation's
/// transfer failures so far. <c>fallback</c>: a transfer-failure report escalated to the next skill.
/// </summary>
internal sealed record EscalationAnswer
{
    public required bool Accepted { get; init; }

    public bool Deduplicated { get; init; }

    public string? Skill { get; init; }

    public string? EscalationId { get; init; }

    public int Failures { get; init; }

    public bool Fallback { get; init; }

    public bool Repeated { get; init; }

    public bool GaveUp { get; init; }

    public string? RequestId { get; init; }

    public bool SendTransferMessage { get; init; }

    public string? TransferMessage { get; init; }

    public bool OutOfHours { get; init; }

    /// <summary>When an off-shift skill opens (LivePerson's <c>nextOn</c>), ISO 8601 UTC.</summary>
    public string? OpensAt { get; init; }

    /// <summary>Nobody is online with the skill: sent anyway to wait in its queue (<c>accepted</c>), or not sent (<c>showUser</c>).</summary>
    public bool? NoAgentsOnline { get; init; }

    /// <summary>LivePerson's availability answer was unknown (its API failing): escalated unchecked.</summary>
    public bool? AvailabilityUnknown { get; init; }

    public string? FailureKind { get; init; }

    public bool OutcomeUnknown { get; init; }

    public string? ShowUser { get; init; }

    /// <summary>The expected wait for an agent in seconds, when LivePerson's queue health knows it; absent otherwise.</summary>
    public long? ExpectedWaitSeconds { get; init; }

    /// <summary>Nothing was sent: the wait is long, <c>showUser</c> says how long; call again with <c>"acceptWait": true</c> to send.</summary>
    public bool? LongWait { get; init; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EscalationCall))]
[JsonSerializable(typeof(TransferFailureCall))]
[JsonSerializable(typeof(EscalationAnswer))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
