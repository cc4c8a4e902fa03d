namespace LivePersonEscalation.Internal;

/// <summary>What telemetry records about where escalations go, and the opt-ins of <see cref="EscalationTelemetryOptions"/>.</summary>
/// <param name="RegionTag">The region, or <c>custom</c> for an explicit endpoint.</param>
/// <param name="Target">Where escalations go, for messages: the region or the endpoint host, never the key.</param>
/// <param name="Endpoint">The endpoint escalations are posted to.</param>
/// <param name="IncludeConversationId">Whether activities carry the conversation id.</param>
/// <param name="LogMessageText">Whether the message text is logged (at Trace).</param>
/// <param name="Account">The account of a named registration, tagged on everything; null for the default one.</param>
internal sealed record TelemetrySettings(string RegionTag, string Target, Uri Endpoint, bool IncludeConversationId, bool LogMessageText, string? Account = null);
