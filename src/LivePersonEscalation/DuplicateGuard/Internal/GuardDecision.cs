namespace LivePersonEscalation.Internal;

/// <summary>
/// What the guard decided for one call: send (holding the claim, or unguarded), take an earlier entry, or give up
/// (after contention, or because its store is unreachable and it must not send unguarded).
/// </summary>
internal readonly struct GuardDecision
{
    private GuardDecision(string? key, string? owner, DuplicateGuardEntry? earlier, int contendedRounds, Exception? storeFailure = null)
    {
        Key = key;
        Owner = owner;
        EarlierEntry = earlier;
        ContendedRounds = contendedRounds;
        StoreFailure = storeFailure;
    }

    /// <summary>The store key this call claimed, when it must send.</summary>
    public string? Key { get; }

    /// <summary>This call's owner id, when it must send.</summary>
    public string? Owner { get; }

    /// <summary>The settled entry of an earlier call (accepted or outcome unknown), when this call must not send.</summary>
    public DuplicateGuardEntry? EarlierEntry { get; }

    /// <summary>How many claims in a row were lost to calls that then failed, when the guard gave up.</summary>
    public int ContendedRounds { get; }

    /// <summary>Why the store could not be reached, when the guard refuses to send unguarded.</summary>
    public Exception? StoreFailure { get; }

    /// <summary>True when this call sends: it claimed the conversation, or the guard is off (or its store unreachable).</summary>
    public bool MustSend => Owner is not null || IsUnguarded;

    /// <summary>The guard is off: send, and report to nobody.</summary>
    public static GuardDecision Unguarded { get; } = new(null, null, null, -1);

    private bool IsUnguarded => ContendedRounds < 0;

    public static GuardDecision Send(string key, string owner) => new(key, owner, null, 0);

    public static GuardDecision Earlier(DuplicateGuardEntry entry) => new(null, null, entry, 0);

    public static GuardDecision Contended(int rounds) => new(null, null, null, rounds);

    public static GuardDecision StoreUnavailable(Exception failure) => new(null, null, null, 0, failure);
}
