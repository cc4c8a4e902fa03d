using LivePersonEscalation.DuplicateGuard;

namespace LivePersonEscalation.Testing;

/// <summary>Conformance cases of <c>SettleAsync</c>: only the owner settles, or an outcome is added where nothing is.</summary>
internal static class SettleCases
{
    public static async Task AcceptanceAnswersTheNextClaim(ConformanceProbe probe)
    {
        var (key, claim) = await ClaimedAsync(probe).ConfigureAwait(false);
        var accepted = ConformanceProbe.Accepted(claim);

        await probe.SettleAsync(key, claim, accepted).ConfigureAwait(false);

        probe.ExpectEntry(accepted, await probe.TryClaimAsync(key, probe.Claim()).ConfigureAwait(false), "a claim after an accepted settle returns the acceptance, every field kept");
    }

    public static async Task UnknownOutcomeAnswersTheNextClaim(ConformanceProbe probe)
    {
        var (key, claim) = await ClaimedAsync(probe).ConfigureAwait(false);
        var unknown = ConformanceProbe.Settled(claim, DuplicateGuardState.Unknown);

        await probe.SettleAsync(key, claim, unknown).ConfigureAwait(false);

        probe.ExpectEntry(unknown, await probe.TryClaimAsync(key, probe.Claim()).ConfigureAwait(false), "a claim after an unknown outcome returns it: it may have been accepted");
    }

    public static async Task NullForgets(ConformanceProbe probe)
    {
        var (key, claim) = await ClaimedAsync(probe).ConfigureAwait(false);

        await probe.SettleAsync(key, claim, null).ConfigureAwait(false);

        var existing = await probe.TryClaimAsync(key, probe.Claim()).ConfigureAwait(false);
        probe.Expect(existing is null, "after a settle with null the next claim takes the conversation", existing);
    }

    public static async Task RefusalIsNotKept(ConformanceProbe probe)
    {
        var (key, claim) = await ClaimedAsync(probe).ConfigureAwait(false);

        await probe.SettleAsync(key, claim, ConformanceProbe.Settled(claim, DuplicateGuardState.NotAccepted)).ConfigureAwait(false);

        var existing = await probe.TryClaimAsync(key, probe.Claim()).ConfigureAwait(false);
        probe.Expect(existing is null, "a not-accepted outcome goes to the waiters only, and the next claim takes the conversation", existing);
    }

    public static async Task AnotherOwnerLeavesTheClaim(ConformanceProbe probe)
    {
        var (key, claim) = await ClaimedAsync(probe).ConfigureAwait(false);
        var stranger = probe.Claim();

        await probe.SettleAsync(key, stranger, ConformanceProbe.Accepted(stranger)).ConfigureAwait(false);

        probe.ExpectEntry(claim, await probe.TryClaimAsync(key, probe.Claim()).ConfigureAwait(false), "a settle by another owner leaves the claim in flight");
    }

    public static async Task IsIdempotent(ConformanceProbe probe)
    {
        var (key, claim) = await ClaimedAsync(probe).ConfigureAwait(false);
        var accepted = ConformanceProbe.Accepted(claim);

        await probe.SettleAsync(key, claim, accepted).ConfigureAwait(false);
        await probe.SettleAsync(key, claim, accepted).ConfigureAwait(false);

        probe.ExpectEntry(accepted, await probe.TryClaimAsync(key, probe.Claim()).ConfigureAwait(false), "settling the same outcome twice keeps it once");
    }

    public static async Task WhereNothingIsAddsAnAcceptance(ConformanceProbe probe)
    {
        var key = probe.Key();
        var claim = probe.Claim();
        var accepted = ConformanceProbe.Accepted(claim);

        // The claim never landed (the store could not be reached), and the escalation was sent.
        await probe.SettleAsync(key, claim, accepted).ConfigureAwait(false);

        probe.ExpectEntry(accepted, await probe.TryClaimAsync(key, probe.Claim()).ConfigureAwait(false), "an acceptance settled where no entry is is added");
    }

    public static async Task WhereNothingIsAddsNoRefusal(ConformanceProbe probe)
    {
        var key = probe.Key();
        var claim = probe.Claim();

        await probe.SettleAsync(key, claim, ConformanceProbe.Settled(claim, DuplicateGuardState.NotAccepted)).ConfigureAwait(false);
        await probe.SettleAsync(key, claim, null).ConfigureAwait(false);

        var existing = await probe.TryClaimAsync(key, probe.Claim()).ConfigureAwait(false);
        probe.Expect(existing is null, "a refusal or nothing settled where no entry is adds nothing", existing);
    }

    private static async Task<(string Key, DuplicateGuardEntry Claim)> ClaimedAsync(ConformanceProbe probe)
    {
        var key = probe.Key();
        var claim = probe.Claim();
        var existing = await probe.TryClaimAsync(key, claim).ConfigureAwait(false);
        probe.Expect(existing is null, "a claim of a key with no entry returns null", existing);
        return (key, claim);
    }
}
