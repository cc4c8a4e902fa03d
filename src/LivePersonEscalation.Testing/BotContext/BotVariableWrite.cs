namespace LivePersonEscalation.Testing;

/// <summary>One <c>setBotVariable</c> call recorded by <see cref="InMemoryBotContext"/>.</summary>
/// <param name="Name">The variable name.</param>
/// <param name="Value">The value.</param>
/// <param name="PersistForSession">Whether it was kept for the session.</param>
/// <param name="PersistForever">Whether it was kept long-term.</param>
public sealed record BotVariableWrite(string Name, string Value, bool PersistForSession, bool PersistForever);
