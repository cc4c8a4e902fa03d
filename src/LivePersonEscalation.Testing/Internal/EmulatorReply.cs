namespace LivePersonEscalation.Testing.Internal;

/// <summary>What the emulator answers one request with, independent of the transport (Kestrel or in-memory).</summary>
internal sealed record EmulatorReply(int StatusCode, string ContentType, string Body, string? RetryAfter, string? RequestId, TimeSpan Delay, bool Abort);
