using System.Text.Json.Serialization;

namespace LivePersonEscalation.Internal;

/// <summary>
/// Source-generated serializer for the post body: the fast path writes straight to a <c>Utf8JsonWriter</c>,
/// with no reflection, so the library stays trimming and Native AOT safe.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(EscalationRequestBody))]
internal sealed partial class EscalationJsonContext : JsonSerializerContext;
