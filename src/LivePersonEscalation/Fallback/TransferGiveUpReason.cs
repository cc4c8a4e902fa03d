namespace LivePersonEscalation;

/// <summary>Why the library stopped escalating a conversation whose transfers failed.</summary>
public enum TransferGiveUpReason
{
    /// <summary>Its transfers failed <see cref="EscalationFallbackOptions.MaxTransferFailures"/> times within <see cref="EscalationFallbackOptions.Window"/>.</summary>
    MaxTransferFailures = 0,

    /// <summary>The skill whose transfer failed has no fallback in <see cref="EscalationFallbackOptions.Skills"/>, and the report named none.</summary>
    NoFallbackSkill = 1,
}
