namespace LivePersonEscalation.Webhook.Tests;

internal sealed record ConversationState(string? ConversationId, string? UserPlatformId, string? ChatBotId, string? Channel, string? Intent);
