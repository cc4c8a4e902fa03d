using LivePersonEscalation.DuplicateGuard;

namespace LivePersonEscalation.Internal;

/// <summary>A settled entry a claim replaced, and how long it had left to live.</summary>
internal readonly record struct SettledEntry(DuplicateGuardEntry Entry, TimeSpan Left);
