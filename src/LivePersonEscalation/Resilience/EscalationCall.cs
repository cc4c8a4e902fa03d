namespace LivePersonEscalation;

/// <summary>The state of one <c>EscalateAsync</c> call across its attempts.</summary>
internal sealed class EscalationCall(EscalationClient client, byte[] payload, long started)
{
    public EscalationClient Client { get; } = client;

    /// <summary>The serialized body, sent as is by every attempt.</summary>
    public byte[] Payload { get; } = payload;

    /// <summary>When the call started, on the client's time provider.</summary>
    public long Started { get; } = started;

    public int Attempts { get; set; }

    /// <summary>The delay before the next retry, decided with the decision to retry.</summary>
    public TimeSpan NextDelay { get; set; }

    /// <summary>Why no further retry was made, for the failure message; null when none was possible at all.</summary>
    public string? StopReason { get; set; }
}
