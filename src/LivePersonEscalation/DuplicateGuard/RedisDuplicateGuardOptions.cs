namespace LivePersonEscalation;

/// <summary>
/// The duplicate guard on Redis, for a fleet of instances (package <c>LivePersonEscalation.Redis</c>, registered with
/// <c>AddRedisDuplicateGuard()</c> on the escalation client's builder). Bound from
/// <c>LivePerson:Escalation:DuplicateGuard:Redis</c>. Setting <see cref="Configuration"/> without that registration
/// fails start-up.
/// </summary>
public sealed class RedisDuplicateGuardOptions
{
    /// <summary>The shortest <see cref="OperationTimeout"/> accepted: 10 ms.</summary>
    public static readonly TimeSpan MinOperationTimeout = TimeSpan.FromMilliseconds(10);

    /// <summary>The longest <see cref="OperationTimeout"/> accepted: 10 seconds.</summary>
    public static readonly TimeSpan MaxOperationTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A StackExchange.Redis configuration string (<c>host:port</c>, options such as <c>password=…</c>, <c>ssl=true</c>);
    /// null to use an <c>IConnectionMultiplexer</c> given at registration. Never logged: it may hold a password.
    /// </summary>
    public string? Configuration { get; set; }

    /// <summary>
    /// The longest one escalation waits for Redis in all, 10 ms to 10 s (1 second by default); past it the escalation
    /// is handled as <see cref="DuplicateGuardOptions.WhenStoreUnavailable"/> says, and the step's late answer is still
    /// used. A Redis known to be down costs nothing (a step fails at once: measured 0–3 ms, a fresh instance's first
    /// call included); one that stops answering costs this once, then nothing until it answers again. Only a starved
    /// thread pool (a timer that itself ran late) makes the guard wait longer, up to the claim's expiry, since the
    /// answer may be waiting to be read.
    /// </summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(1);
}
