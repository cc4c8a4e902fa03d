using LivePersonEscalation.DuplicateGuard;
using LivePersonEscalation.Testing;

namespace LivePersonEscalation.TestUtilities;

/// <summary>
/// The Testing package's store conformance cases as xunit tests: derive, hand over a store, and every case of
/// <see cref="DuplicateGuardStoreConformance"/> runs as a test of its own.
/// </summary>
public abstract class DuplicateGuardStoreConformanceTests
{
    public static TheoryData<string> Cases => new(DuplicateGuardStoreConformance.Cases);

    /// <summary>The store under test; cases use keys of their own, so one store serves them all.</summary>
    protected abstract IDuplicateGuardStore Store { get; }

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Store_meets_the_contract(string contract) => DuplicateGuardStoreConformance.RunAsync(contract, Store);
}
