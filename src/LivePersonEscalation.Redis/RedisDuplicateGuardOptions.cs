namespace LivePersonEscalation;

/// <summary>
/// Where the duplicate guard of a fleet keeps its records (registered with <c>AddRedisDuplicateGuard()</c> on the
/// escalation client's builder). Bound from the <c>DuplicateGuard:Redis</c> section of the configuration the account
/// is bound from (<c>LivePerson:Escalation:DuplicateGuard:Redis</c> by default); that section set without the
/// registration fails start-up. How long an escalation waits for Redis is
/// <see cref="DuplicateGuardOptions.StoreTimeout"/>.
/// </summary>
public sealed class RedisDuplicateGuardOptions
{
    /// <summary>
    /// A StackExchange.Redis configuration string (<c>host:port</c>, options such as <c>password=…</c>, <c>ssl=true</c>).
    /// Never logged: it may hold a password.
    /// </summary>
    public string? Configuration { get; set; }
}
