namespace LivePersonEscalation.Internal;

/// <summary>
/// One reload generation of a registration: its validated settings and the retry policy built from them. An
/// escalation (or a report and its fallback) takes one at its start, so its body, key, endpoint, timeouts and retries
/// all come from the same generation.
/// </summary>
/// <param name="Settings">The settings.</param>
/// <param name="Retry">The retry policy of <paramref name="Settings"/>.</param>
internal sealed record SettingsGeneration(EscalationSettings Settings, EscalationRetryPolicy Retry);
