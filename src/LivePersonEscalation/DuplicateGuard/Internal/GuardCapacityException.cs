namespace LivePersonEscalation.Internal;

/// <summary>
/// The in-process tier cannot take one more claim in flight without passing its byte budget. The guard handles it
/// as <see cref="DuplicateGuardOptions.RefuseWhenStoreUnavailable"/> says, with a log and a metric, never silently; the
/// escalation's outcome is still remembered once it settles.
/// </summary>
internal sealed class GuardCapacityException(int claimsInFlight, long maxBytes)
    : Exception($"The duplicate guard's in-process store holds {claimsInFlight} escalations in flight, its whole budget of {maxBytes} bytes (DuplicateGuard:MaxMemoryBytes); raise it for this many escalations at once.")
{
}
