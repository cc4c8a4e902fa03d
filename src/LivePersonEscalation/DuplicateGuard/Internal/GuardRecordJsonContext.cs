using System.Text.Json.Serialization;

namespace LivePersonEscalation.Internal;

/// <summary>Source-generated JSON of a conversation's record, as a shared store keeps it: no reflection, trimming and Native AOT safe.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault)]
[JsonSerializable(typeof(ConversationRecord))]
internal sealed partial class GuardRecordJsonContext : JsonSerializerContext;
