namespace LivePersonEscalation.ConsoleSample;

/// <summary>What the command line asked for; null where a flag was not given.</summary>
internal sealed record SampleInput
{
    public Uri? Endpoint { get; init; }
    public LivePersonRegion? Region { get; init; }
    public string? ApiKey { get; init; }
    public string? SkillId { get; init; }
    public string? SkillName { get; init; }
    public string? ConversationId { get; init; }
    public string? UserPlatformId { get; init; }
    public string? ChatBotId { get; init; }
    public string Message { get; init; } = "Hold on while I transfer you to an agent.";
    public string Channel { get; init; } = "lp_web";
    public TimeSpan? Timeout { get; init; }
    public string? Redis { get; init; }
}
