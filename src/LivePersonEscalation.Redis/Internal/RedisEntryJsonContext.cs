using System.Text.Json.Serialization;
using LivePersonEscalation.DuplicateGuard;

namespace LivePersonEscalation.Redis.Internal;

/// <summary>Source-generated JSON for the entries kept in Redis: no reflection, trimming and Native AOT safe.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DuplicateGuardEntry))]
[JsonSerializable(typeof(RedisTransferRecord))]
internal sealed partial class RedisEntryJsonContext : JsonSerializerContext;
