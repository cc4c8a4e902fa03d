namespace LivePersonEscalation.DuplicateGuard;

/// <summary>
/// Where the duplicate guard keeps one <see cref="DuplicateGuardRecord"/> per conversation key, for a fleet of
/// instances to share (the library's Redis store, or your own). A store keeps records and nothing else: the guard's
/// rules decide, and a store only reads, writes a record over the version its writer read (a compare-and-set),
/// tells of a change, and forgets a record at its <see cref="DuplicateGuardRecord.ExpiresAt"/>. Every instance keeps
/// its own records in front of it; the guard bounds each call by its operation timeout. A store should fail at once
/// (throw) while it knows it cannot reach its data; it never throws for a missing key.
/// The conformance suite in <c>LivePersonEscalation.Testing</c> checks a store against this contract.
/// </summary>
public interface IDuplicateGuardStore
{
    /// <summary>Reads the record of <paramref name="key"/>.</summary>
    /// <param name="key">The conversation key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, or null when there is none (never written, or expired).</returns>
    ValueTask<DuplicateGuardRecord?> ReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="record"/> as the record of <paramref name="key"/>, atomically, only if the record there
    /// now has the version <paramref name="expectedVersion"/> (null: only if there is none), and then tells the
    /// callers waiting for a change of it.
    /// </summary>
    /// <param name="key">The conversation key.</param>
    /// <param name="expectedVersion">The version the writer read; null when it read none.</param>
    /// <param name="record">The record to keep until its <see cref="DuplicateGuardRecord.ExpiresAt"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// The record <paramref name="key"/> holds after the call: <paramref name="record"/> itself (or one with its
    /// version) when it was written; otherwise the record found instead (a conflict), or null when there is none.
    /// </returns>
    ValueTask<DuplicateGuardRecord?> WriteAsync(string key, string? expectedVersion, DuplicateGuardRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Waits until the record of <paramref name="key"/> no longer has the version <paramref name="version"/> (null:
    /// until there is one), or <paramref name="maxWait"/> has passed, and returns the record then.
    /// </summary>
    /// <param name="key">The conversation key.</param>
    /// <param name="version">The version the caller read; null when it read none.</param>
    /// <param name="maxWait">The longest wait.</param>
    /// <param name="cancellationToken">Ends this caller's wait only.</param>
    /// <returns>The record at the end of the wait, or null when there is none.</returns>
    ValueTask<DuplicateGuardRecord?> WaitForChangeAsync(string key, string? version, TimeSpan maxWait, CancellationToken cancellationToken);
}
