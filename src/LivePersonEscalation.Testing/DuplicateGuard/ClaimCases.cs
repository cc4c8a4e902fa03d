namespace LivePersonEscalation.Testing;

/// <summary>Conformance cases of <c>TryClaimAsync</c>: claim if absent, atomically.</summary>
internal static class ClaimCases
{
    public static async Task WhereNothingIsReturnsNull(ConformanceProbe probe)
    {
        var existing = await probe.TryClaimAsync(probe.Key(), probe.Claim()).ConfigureAwait(false);

        probe.Expect(existing is null, "a claim of a key with no entry returns null", existing);
    }

    public static async Task OfAClaimedKeyReturnsTheClaim(ConformanceProbe probe)
    {
        var key = probe.Key();
        var first = probe.Claim();
        await probe.TryClaimAsync(key, first).ConfigureAwait(false);

        var existing = await probe.TryClaimAsync(key, probe.Claim()).ConfigureAwait(false);

        probe.ExpectEntry(first, existing, "a second claim returns the first claim, still in flight");
    }

    public static async Task ConcurrentClaimsHaveOneWinner(ConformanceProbe probe)
    {
        const int Callers = 16;
        var key = probe.Key();
        var claims = Enumerable.Range(0, Callers).Select(_ => probe.Claim()).ToArray();

        var answers = await Task.WhenAll(claims.Select(claim => Task.Run(async () => await probe.TryClaimAsync(key, claim).ConfigureAwait(false)))).ConfigureAwait(false);

        var winners = Enumerable.Range(0, Callers).Where(i => answers[i] is null).ToArray();
        probe.Expect(winners.Length == 1, $"of {Callers} concurrent claims exactly one wins", $"{winners.Length} winners");
        var winner = claims[winners[0]];
        probe.Expect(answers.All(answer => answer is null || Equals(answer, winner)), "every loser is answered with the winner's claim", answers.FirstOrDefault(answer => answer is not null && !Equals(answer, winner)));
    }

    public static async Task KeysAreIndependent(ConformanceProbe probe)
    {
        await probe.TryClaimAsync(probe.Key("a"), probe.Claim()).ConfigureAwait(false);

        var other = await probe.TryClaimAsync(probe.Key("b"), probe.Claim()).ConfigureAwait(false);

        probe.Expect(other is null, "a claim of one key does not hold another", other);
    }
}
