namespace LivePersonEscalation.Internal;

/// <summary>The duplicate guard's settings, named as in <see cref="DuplicateGuardOptions"/>, plus what they imply.</summary>
/// <param name="Window">How long a settled entry is remembered.</param>
/// <param name="MaxConversations">The in-process tier's bound in count of settled entries.</param>
/// <param name="MaxMemoryBytes">The in-process tier's bound in bytes of settled entries (and, apart, of claims in flight).</param>
/// <param name="WhenOutcomeUnknown">What a repeat after an unknown outcome gets.</param>
/// <param name="WhenStoreUnavailable">What an escalation does when the shared store cannot be reached.</param>
/// <param name="ClaimExpiry">How long a claim lives unsettled: the longest one escalation can take, plus a margin.</param>
/// <param name="KeyPrefix">A conversation's key in the shared store is this prefix and its id: namespaced by endpoint and account.</param>
/// <param name="StoreTimeout">The longest one escalation waits for an answer of the shared store, in all.</param>
internal sealed record GuardSettings(
    TimeSpan Window,
    int MaxConversations,
    int MaxMemoryBytes,
    OutcomeUnknownHandling WhenOutcomeUnknown,
    StoreUnavailableHandling WhenStoreUnavailable,
    TimeSpan ClaimExpiry,
    string KeyPrefix,
    TimeSpan StoreTimeout);
