using LivePersonEscalation.DuplicateGuard;

namespace LivePersonEscalation.Testing;

/// <summary>
/// The reference tests every <see cref="IDuplicateGuardStore"/> must pass, whatever it stores in: the library's own
/// in-process and Redis stores run them, and so can yours. Each case is one contract of the interface (claim if
/// absent, settle only as the owner or add if absent, wait while in flight, count a failed transfer once), run on
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
        ["Claim_where_nothing_is_returns_null"] = ClaimCases.WhereNothingIsReturnsNull,
        ["Claim_of_a_claimed_key_returns_the_claim_in_flight"] = ClaimCases.OfAClaimedKeyReturnsTheClaim,
        ["Concurrent_claims_of_one_key_have_one_winner"] = ClaimCases.ConcurrentClaimsHaveOneWinner,
        ["Keys_are_independent"] = ClaimCases.KeysAreIndependent,
        ["Settled_acceptance_answers_the_next_claim_field_for_field"] = SettleCases.AcceptanceAnswersTheNextClaim,
        ["Settled_unknown_outcome_answers_the_next_claim"] = SettleCases.UnknownOutcomeAnswersTheNextClaim,
        ["Settle_with_null_forgets_the_conversation"] = SettleCases.NullForgets,
        ["Settled_refusal_is_not_kept"] = SettleCases.RefusalIsNotKept,
        ["Settle_by_another_owner_leaves_the_claim_alone"] = SettleCases.AnotherOwnerLeavesTheClaim,
        ["Settle_is_idempotent"] = SettleCases.IsIdempotent,
        ["Settle_where_nothing_is_adds_an_acceptance"] = SettleCases.WhereNothingIsAddsAnAcceptance,
        ["Settle_where_nothing_is_adds_no_refusal"] = SettleCases.WhereNothingIsAddsNoRefusal,
        ["Wait_returns_the_owners_outcome_once_settled"] = WaitCases.ReturnsTheOutcomeOnceSettled,
        ["Wait_on_a_settled_key_returns_at_once"] = WaitCases.OnASettledKeyReturnsAtOnce,
        ["Wait_canceled_ends_only_that_wait"] = WaitCases.CanceledEndsOnlyThatWait,
        ["Transfer_failure_marks_the_acceptance_and_frees_the_conversation"] = TransferFailureCases.MarksTheAcceptanceAndFreesTheConversation,
        ["Transfer_failure_of_one_escalation_counts_once"] = TransferFailureCases.CountsOnce,
        ["Transfer_failure_naming_nothing_returns_null"] = TransferFailureCases.NamingNothingReturnsNull,
        ["Transfer_failures_give_up_at_the_limit"] = TransferFailureCases.GiveUpAtTheLimit,
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
