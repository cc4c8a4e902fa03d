using LivePersonEscalation.DuplicateGuard;
using LivePersonEscalation.Internal;

namespace LivePersonEscalation.Tests.DuplicateGuard;

/// <summary>The in-process store against the contract every store must meet.</summary>
public sealed class InMemoryStoreConformanceTests : DuplicateGuardStoreConformanceTests
{
    protected override IDuplicateGuardStore Store { get; } = new InProcessGuardStore(maxConversations: 10_000, maxBytes: 64L * 1024 * 1024, TimeProvider.System);
}
