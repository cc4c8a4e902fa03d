using LivePersonEscalation.DuplicateGuard;

namespace LivePersonEscalation.Testing;

/// <summary>Conformance cases of <c>RecordTransferFailureAsync</c>: a failed transfer is counted once, and frees the conversation.</summary>
internal static class TransferFailureCases
{
    private static readonly TransferFailureRules Rules = new(3, ConformanceProbe.Expiry, SkillsWithFallback: null);

    public static async Task MarksTheAcceptanceAndFreesTheConversation(ConformanceProbe probe)
    {
        var (key, accepted) = await AcceptedAsync(probe).ConfigureAwait(false);

        var record = await probe.Store.RecordTransferFailureAsync(key, accepted.Owner, null, Rules, probe.Token).ConfigureAwait(false);

        probe.Expect(record is { Counted: true, TransferFailures: 1, FailedSkillId: ConformanceProbe.Skill, GiveUpReason: null }, "the first failure of an accepted escalation counts 1 for its skill", record);
        var fallback = probe.Claim();
        var existing = await probe.TryClaimAsync(key, fallback).ConfigureAwait(false);
        probe.ExpectEntry(fallback, existing, "a claim over a failed transfer takes it and returns the claim itself");
    }

    public static async Task CountsOnce(ConformanceProbe probe)
    {
        var (key, accepted) = await AcceptedAsync(probe).ConfigureAwait(false);
        await probe.Store.RecordTransferFailureAsync(key, accepted.Owner, null, Rules, probe.Token).ConfigureAwait(false);

        var repeat = await probe.Store.RecordTransferFailureAsync(key, accepted.Owner, null, Rules, probe.Token).ConfigureAwait(false);

        probe.Expect(repeat is { Counted: false, TransferFailures: 1 }, "a second report of the same escalation is not counted", repeat);
    }

    public static async Task NamingNothingReturnsNull(ConformanceProbe probe)
    {
        var record = await probe.Store.RecordTransferFailureAsync(probe.Key(), null, null, Rules, probe.Token).ConfigureAwait(false);

        probe.Expect(record is null, "a report with no escalation, no entry and no skill records nothing", record);
    }

    public static async Task GiveUpAtTheLimit(ConformanceProbe probe)
    {
        var (key, accepted) = await AcceptedAsync(probe).ConfigureAwait(false);

        var record = await probe.Store.RecordTransferFailureAsync(key, accepted.Owner, null, Rules with { MaxTransferFailures = 1 }, probe.Token).ConfigureAwait(false);

        probe.Expect(record is { Counted: true, GiveUpReason: TransferGiveUpReason.MaxTransferFailures }, "the failure that reaches MaxTransferFailures gives up", record);
        var existing = await probe.TryClaimAsync(key, probe.Claim()).ConfigureAwait(false);
        probe.Expect(existing is { State: DuplicateGuardState.GivenUp }, "a claim of a conversation given up returns a GivenUp entry", existing);
    }

    private static async Task<(string Key, DuplicateGuardEntry Accepted)> AcceptedAsync(ConformanceProbe probe)
    {
        var key = probe.Key();
        var claim = probe.Claim();
        await probe.TryClaimAsync(key, claim).ConfigureAwait(false);
        var accepted = ConformanceProbe.Accepted(claim) with { TransferFailures = 0 };
        await probe.SettleAsync(key, claim, accepted).ConfigureAwait(false);
        return (key, accepted);
    }
}
