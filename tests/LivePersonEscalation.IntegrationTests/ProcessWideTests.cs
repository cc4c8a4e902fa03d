namespace LivePersonEscalation.IntegrationTests;

/// <summary>
/// Tests that measure or change the whole process (the managed heap, the TCP connections to a port, a process-wide
/// trace listener) run in this collection: alone, after the others, so no other test's allocations, sockets or
/// activities meet theirs.
/// </summary>
[CollectionDefinition(nameof(ProcessWideTests), DisableParallelization = true)]
public sealed class ProcessWideTests
{
}
