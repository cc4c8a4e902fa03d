using System.Text.Json.Serialization;

namespace LivePersonEscalation.Availability.Internal;

/// <summary>The Domain API's answer: <c>{"service", "account", "baseURI"}</c>, the base URI a host without a scheme.</summary>
internal sealed class DomainAnswer
{
    [JsonPropertyName("baseURI")]
    public string? BaseUri { get; set; }
}

/// <summary>The app token (OAuth 2.0 client credentials): <c>access_token</c> and its lifetime in seconds.</summary>
internal sealed class AppTokenAnswer
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }

    [JsonPropertyName("expires_in")]
    public long? ExpiresIn { get; set; }
}

/// <summary>The Login Service's request.</summary>
internal sealed class LoginRequest
{
    [JsonPropertyName("username")]
    public required string Username { get; init; }

    [JsonPropertyName("password")]
    public required string Password { get; init; }
}

/// <summary>The Login Service's answer: the <c>bearer</c> token.</summary>
internal sealed class LoginAnswer
{
    [JsonPropertyName("bearer")]
    public string? Bearer { get; set; }

    /// <summary>The session's lifetime in milliseconds, as a string (e.g. "28800000").</summary>
    [JsonPropertyName("sessionTTl")]
    public string? SessionTtl { get; set; }
}

/// <summary>One skill's shift status: epoch milliseconds, null for 24/7.</summary>
internal class ShiftStatusAnswer
{
    [JsonPropertyName("onShift")]
    public bool? OnShift { get; set; }

    [JsonPropertyName("nextOn")]
    public long? NextOn { get; set; }

    [JsonPropertyName("nextOff")]
    public long? NextOff { get; set; }
}

/// <summary>One skill in the account-level shift status (a login's bearer): the skill's status with its id.</summary>
internal sealed class AccountShiftStatus : ShiftStatusAnswer
{
    [JsonPropertyName("skillId")]
    public long? SkillId { get; set; }
}

/// <summary>The skill-availability request: human agents only.</summary>
internal sealed class AgentsRequest
{
    [JsonPropertyName("filters")]
    public AgentsFilters Filters { get; init; } = new();
}

internal sealed class AgentsFilters
{
    [JsonPropertyName("userTypes")]
    public IReadOnlyList<string> UserTypes { get; init; } = ["HUMAN"];
}

/// <summary>The skill availabilities: only skills with an available agent are listed; absent counts are 0.</summary>
internal sealed class AgentsAnswer
{
    [JsonPropertyName("skillAvailabilities")]
    public List<SkillAgents>? SkillAvailabilities { get; set; }
}

internal sealed class SkillAgents
{
    [JsonPropertyName("skillId")]
    public long? SkillId { get; set; }

    [JsonPropertyName("onlineAgents")]
    public int? OnlineAgents { get; set; }

    [JsonPropertyName("backSoonAgents")]
    public int? BackSoonAgents { get; set; }

    [JsonPropertyName("awayAgents")]
    public int? AwayAgents { get; set; }
}

internal sealed class QueueHealthAnswer
{
    [JsonPropertyName("skillsMetrics")]
    public Dictionary<string, QueueMetrics>? SkillsMetrics { get; set; }
}

internal sealed class QueueMetrics
{
    [JsonPropertyName("avgWaitTimeForAgentAssignment_AfterTransfer")]
    public double? AverageWaitAfterTransferMs { get; set; }

    [JsonPropertyName("unassignedConversations")]
    public double? UnassignedConversations { get; set; }
}

/// <summary>Source-generated serializers of LivePerson's account APIs, trimming and Native AOT safe.</summary>
[JsonSerializable(typeof(DomainAnswer))]
[JsonSerializable(typeof(AppTokenAnswer))]
[JsonSerializable(typeof(LoginRequest))]
[JsonSerializable(typeof(LoginAnswer))]
[JsonSerializable(typeof(ShiftStatusAnswer))]
[JsonSerializable(typeof(List<AccountShiftStatus>))]
[JsonSerializable(typeof(AgentsRequest))]
[JsonSerializable(typeof(AgentsAnswer))]
[JsonSerializable(typeof(QueueHealthAnswer))]
internal sealed partial class AccountApiJsonContext : JsonSerializerContext;
