namespace LivePersonEscalation.Internal;

/// <summary>The duplicate guard's settings, named as in <see cref="DuplicateGuardOptions"/>, plus what they imply.</summary>
/// <param name="Window">How long a settled entry is remembered.</param>
/// <param name="MaxConversations">The in-process store's bound in count.</param>
/// <param name="MaxMemoryBytes">The in-process store's bound in bytes.</param>
/// <param name="WhenOutcomeUnknown">What a repeat after an unknown outcome gets.</param>
/// <param name="WhenStoreUnavailable">What an escalation does when the store cannot be reached.</param>
/// <param name="ClaimExpiry">How long a claim lives unsettled: the longest one escalation can take, plus a margin.</param>
/// <param name="KeyPrefix">The store key of a conversation is this prefix and its id: namespaced by endpoint and account.</param>
internal sealed record GuardSettings(
    TimeSpan Window,
    int MaxConversations,
    int MaxMemoryBytes,
    OutcomeUnknownHandling WhenOutcomeUnknown,
    StoreUnavailableHandling WhenStoreUnavailable,
    TimeSpan ClaimExpiry,
    string KeyPrefix);
