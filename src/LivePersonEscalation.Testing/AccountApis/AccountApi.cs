namespace LivePersonEscalation.Testing;

/// <summary>The LivePerson account APIs <see cref="AccountApiEmulator"/> serves, to script faults and count calls.</summary>
public enum AccountApi
{
    /// <summary>The Domain API: <c>GET /api/account/{accountId}/service/{serviceName}/baseURI.json</c>.</summary>
    Domain = 0,

    /// <summary>The OAuth 2.0 client-credentials app token (Sentinel): <c>POST /sentinel/api/v2/account/{accountId}/app/token</c>.</summary>
    AppToken = 1,

    /// <summary>The Login Service: <c>POST /api/account/{accountId}/login?v=1.3</c>.</summary>
    Login = 2,

    /// <summary>The Shift Status API, by skill (<c>GET …/skills/{skillId}/shift-status-skill</c>) or for the account (<c>GET …/shift-status</c>).</summary>
    ShiftStatus = 3,

    /// <summary>The Agent Manager Workspace API's skill availabilities: <c>POST /manager_workspace/api/account/{accountId}/skill/availability</c>.</summary>
    SkillAvailability = 4,

    /// <summary>Messaging Current Queue Health (<c>leDataReporting</c>): the waits per skill.</summary>
    QueueHealth = 5,
}
