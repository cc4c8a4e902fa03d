using LivePersonEscalation.Internal;
using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;

namespace LivePersonEscalation.Benchmarks;

/// <summary>The post body to UTF-8 bytes: the library's source-generated path against reflection and a hand-written writer.</summary>
[MemoryDiagnoser]
public class SerializationBenchmarks
{
    private static readonly JsonSerializerOptions Reflection = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
    private readonly EscalationRequestBody _body = SampleData.Body("4f1d2c3b-5a6e-47d8-9c0b-1a2e3f4d5c6b");
    private readonly ArrayBufferWriter<byte> _buffer = new(512);

    [Benchmark(Baseline = true, Description = "reflection JsonSerializer")]
    public byte[] ReflectionSerializer() => JsonSerializer.SerializeToUtf8Bytes(_body, Reflection);

    [Benchmark(Description = "source-generated (library)")]
    public byte[] SourceGenerated() => JsonSerializer.SerializeToUtf8Bytes(_body, EscalationJsonContext.Default.EscalationRequestBody);

    [Benchmark(Description = "hand-written Utf8JsonWriter (limit)")]
    public byte[] HandWritten()
    {
        _buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("userPlatformId"u8, _body.UserPlatformId);
            writer.WriteString("chatBotId"u8, _body.ChatBotId);
            writer.WriteString("message"u8, _body.Message);
            writer.WriteString("conversationId"u8, _body.ConversationId);
            writer.WriteString("agentSkillName"u8, _body.AgentSkillName);
            writer.WriteString("agentSkillId"u8, _body.AgentSkillId);
            writer.WriteEndObject();
        }

        return _buffer.WrittenSpan.ToArray();
    }
}
