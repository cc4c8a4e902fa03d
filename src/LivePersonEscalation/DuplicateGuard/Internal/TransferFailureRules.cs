namespace LivePersonEscalation.Internal;

/// <summary>What a transfer-failure report applies: when to give up, how long to remember, and where each skill falls back to.</summary>
/// <param name="MaxTransferFailures">Give up at this many failures.</param>
/// <param name="Window">How long the failures are kept after the latest report.</param>
/// <param name="FallbackOf">The skill tried after a transfer to a skill failed, or null when it has none.</param>
internal sealed record TransferFailureRules(int MaxTransferFailures, TimeSpan Window, Func<string, string?> FallbackOf);
