using System.Text.Json;
using System.Text.Json.Serialization;

namespace LivePersonEscalation.WebhookSample;

/// <summary>What the bot's API integration posts: the conversation's ids, its channel and the intent that asked for an agent.</summary>
internal sealed record EscalationCall(string? ConversationId, string? UserPlatformId, string? ChatBotId, string? Channel, string? Intent);

/// <summary>
/// What the bot does next. <c>accepted</c>: LivePerson took the escalation. <c>sendTransferMessage</c>: send
/// <c>transferMessage</c> yourself (the Conversation Builder preview channel, <c>web</c>). <c>showUser</c>: a text to
/// show instead (out of hours, or the escalation failed).
/// </summary>
internal sealed record EscalationAnswer
{
    public required bool Accepted { get; init; }

    public bool Deduplicated { get; init; }

    public string? Skill { get; init; }

    public string? RequestId { get; init; }

    public bool SendTransferMessage { get; init; }

    public string? TransferMessage { get; init; }

    public bool OutOfHours { get; init; }

    public string? FailureKind { get; init; }

    public bool OutcomeUnknown { get; init; }

    public string? ShowUser { get; init; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EscalationCall))]
[JsonSerializable(typeof(EscalationAnswer))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
