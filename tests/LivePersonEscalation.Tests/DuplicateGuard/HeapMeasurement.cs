namespace LivePersonEscalation.Tests.DuplicateGuard;

/// <summary>
/// Tests that measure the managed heap, which is the whole process's: they run alone, never beside a test that
/// allocates or frees at the same time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeapMeasurement
{
    public const string Name = "Heap measurement";
}
