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
    /// How long one Redis step may take before the store counts as unavailable (see
    /// <see cref="DuplicateGuardOptions.WhenStoreUnavailable"/>), 10 ms to 10 s. Defaults to 1 second: a dead Redis
    /// delays an escalation by at most this much.
    /// </summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(1);
}
