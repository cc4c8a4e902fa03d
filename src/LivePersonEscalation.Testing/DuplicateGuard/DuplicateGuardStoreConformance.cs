using LivePersonEscalation.DuplicateGuard;

namespace LivePersonEscalation.Testing;

/// <summary>
/// The reference tests every <see cref="IDuplicateGuardStore"/> must pass, whatever it stores in: the library's own
/// in-process and Redis stores run them, and so can yours. Each case is one contract of the interface (read, write
/// only over the version read, expire, wake a waiter on a change), run on
/// keys of its own, so cases may share one store and run in parallel. A case that fails throws
/// <see cref="InvalidOperationException"/> saying what the contract expected and what the store did. Framework
/// neutral: run each of <see cref="Cases"/> as a test of its own.
/// </summary>
/// <example>
/// With xunit:
/// <code>
/// public sealed class MyStoreConformance
/// {
///     public static TheoryData&lt;string&gt; Cases => new(DuplicateGuardStoreConformance.Cases);
///
///     [Theory]
///     [MemberData(nameof(Cases))]
///     public Task Store_meets_the_contract(string name) => DuplicateGuardStoreConformance.RunAsync(name, new MyStore());
/// }
/// </code>
/// </example>
public static class DuplicateGuardStoreConformance
{
    private static readonly Dictionary<string, Func<ConformanceProbe, Task>> All = new(StringComparer.Ordinal)
    {
        ["Read_where_nothing_is_returns_null"] = RecordCases.ReadWhereNothingIsReturnsNull,
        ["Write_where_nothing_is_creates_the_record"] = RecordCases.WriteWhereNothingIsCreates,
        ["Write_expecting_none_where_one_is_returns_it"] = RecordCases.WriteExpectingNoneWhereOneIsReturnsIt,
        ["Write_over_the_version_read_replaces_it"] = RecordCases.WriteOverTheVersionReadReplaces,
        ["Write_over_another_version_returns_the_current_record"] = RecordCases.WriteOverAnotherVersionReturnsTheCurrent,
        ["Write_expecting_a_version_where_nothing_is_returns_null"] = RecordCases.WriteExpectingAVersionWhereNothingIsReturnsNull,
        ["Concurrent_writes_over_one_version_have_one_winner"] = RecordCases.ConcurrentWritesOverOneVersionHaveOneWinner,
        ["Records_expire"] = RecordCases.RecordsExpire,
        ["Keys_are_independent"] = RecordCases.KeysAreIndependent,
        ["Wait_returns_the_new_record_once_written"] = WaitCases.ReturnsTheNewRecordOnceWritten,
        ["Wait_on_another_version_returns_at_once"] = WaitCases.OnAnotherVersionReturnsAtOnce,
        ["Wait_ends_after_its_longest_wait"] = WaitCases.EndsAfterMaxWait,
        ["Wait_canceled_ends_only_that_wait"] = WaitCases.CanceledEndsOnlyThatWait,
    };

    /// <summary>The names of the cases, in a stable order.</summary>
    public static IReadOnlyList<string> Cases { get; } = [.. All.Keys];

    /// <summary>Runs the case <paramref name="name"/> against <paramref name="store"/>, on keys no other case uses.</summary>
    /// <param name="name">One of <see cref="Cases"/>.</param>
    /// <param name="store">The store under test.</param>
    /// <param name="cancellationToken">Cancels the case.</param>
    /// <returns>A task that completes when the case passed.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not one of <see cref="Cases"/>.</exception>
    /// <exception cref="InvalidOperationException">The store broke the contract; the message says how.</exception>
    public static Task RunAsync(string name, IDuplicateGuardStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(store);
        if (!All.TryGetValue(name, out var run))
        {
            throw new ArgumentException($"'{name}' is not a conformance case; the cases are listed in {nameof(DuplicateGuardStoreConformance)}.{nameof(Cases)}.", nameof(name));
        }

        return run(new ConformanceProbe(name, store, cancellationToken));
    }
}
