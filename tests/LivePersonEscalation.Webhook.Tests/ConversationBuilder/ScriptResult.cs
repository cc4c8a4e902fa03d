namespace LivePersonEscalation.Webhook.Tests;

internal sealed record ScriptResult(IReadOnlyList<string> Messages, Dictionary<string, string?> Variables, string Status, IReadOnlyList<string> Debug);
