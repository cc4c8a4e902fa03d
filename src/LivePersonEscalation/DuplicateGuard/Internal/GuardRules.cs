namespace LivePersonEscalation.Internal;

/// <summary>
/// The duplicate guard's rules, the only code that knows a conversation's states: pure functions from the record a
/// store holds (null: none), an input and the time, to the verdict and the record to write. Every tier and every
/// store applies these same rules; a store only keeps what they return (write-if-version-matches, then decide
/// again on a conflict).
/// <list type="table">
/// <item><term>no escalation stands</term><description>a call claims it (in flight) and sends.</description></item>
/// <item><term>in flight</term><description>a repeat waits for a change, then decides again; the owner's own claim is its own (a lost answer).</description></item>
/// <item><term>accepted</term><description>a repeat gets the earlier answer, for the window.</description></item>
/// <item><term>outcome unknown</term><description>a repeat is refused, for the window (unless the outcome is not kept: <see cref="OutcomeUnknownHandling.AllowRepeats"/>).</description></item>
/// <item><term>not accepted</term><description>the callers that waited on it share the refusal; any other call sends.</description></item>
/// <item><term>transfer failed</term><description>the next call sends (to the fallback, or any skill).</description></item>
/// <item><term>given up</term><description>every call is refused, for the fallback window.</description></item>
/// </list>
/// </summary>
internal static partial class GuardRules
{
    /// <summary>How long a refusal stays for the callers that waited on its escalation.</summary>
    public static readonly TimeSpan RefusalKeep = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Decides whether the call of <paramref name="owner"/> (to <paramref name="skillId"/>) may send. With
    /// <paramref name="answersFromSettled"/> false (an instance's own tier in front of a shared store, which decides)
    /// a settled escalation does not answer: the call takes the instance's turn to ask the shared store.
    /// <paramref name="waitedOn"/> is the escalation this call waited for, whose refusal it shares.
    /// </summary>
    public static ClaimDecision Claim(ConversationRecord? current, string owner, string skillId, TimeSpan claimExpiry, bool answersFromSettled, string? waitedOn, DateTimeOffset now)
    {
        var live = Live(current, now);
        if (answersFromSettled && live?.GiveUpReason is not null)
        {
            return new(ClaimVerdict.GivenUp, live, null);
        }

        switch (live?.State)
        {
            case GuardState.InFlight when live.Owner == owner:
                return new(ClaimVerdict.Claimed, live, null);
            case GuardState.InFlight:
                return new(ClaimVerdict.Wait, live, null);
            case GuardState.Accepted or GuardState.Unknown when answersFromSettled:
                return new(ClaimVerdict.Earlier, live, null);
            case GuardState.NotAccepted when answersFromSettled && live.Owner == waitedOn && live.SkillId == skillId:
                return new(ClaimVerdict.Earlier, live, null);
        }

        var claimed = ClearEntry(live ?? ConversationRecord.Empty) with
        {
            State = GuardState.InFlight,
            Owner = owner,
            SkillId = skillId,
            EntryExpiresAt = now + claimExpiry,
            EntryTransferFailures = live?.TransferFailures ?? 0,
        };
        return new(ClaimVerdict.Claimed, live, claimed);
    }

    /// <summary>
    /// Settles the escalation of <paramref name="outcome"/>'s owner with what the wire decided: its
    /// <see cref="ConversationRecord.State"/> is accepted or unknown (kept for <paramref name="window"/>, and issued),
    /// not accepted (kept for the callers that waited on it), or none (not sent: forgotten). The owner's claim is
    /// settled; where no escalation stands (the claim expired, never landed, or the tier could not take it) an
    /// accepted or unknown outcome is added; another escalation's entry is left alone, though the outcome still
    /// counts as issued. Idempotent.
    /// </summary>
    /// <returns>The record to write, or null when nothing changes.</returns>
    public static ConversationRecord? Settle(ConversationRecord? current, ConversationRecord outcome, TimeSpan window, TimeSpan fallbackWindow, DateTimeOffset now)
    {
        var live = Live(current, now);
        var owns = live is { State: GuardState.InFlight } && live.Owner == outcome.Owner;
        switch (outcome.State)
        {
            case GuardState.Accepted or GuardState.Unknown:
                var known = live ?? ConversationRecord.Empty;
                var (issued, issuedExpiresAt) = Issue(known, outcome.Owner, outcome.SkillId, fallbackWindow, now);
                var standing = live is { State: GuardState.InFlight or GuardState.Accepted or GuardState.Unknown };
                if (!owns && (standing || (live is { State: GuardState.TransferFailed } && live.Owner == outcome.Owner)))
                {
                    // Another escalation stands, or this one was reported failed already (its settle came late):
                    // the entry stays; the escalation still counts as issued.
                    return ReferenceEquals(issued, known.Issued) ? null : known with { Issued = issued, IssuedExpiresAt = issuedExpiresAt };
                }

                return outcome with
                {
                    State = known.Counted.Contains(outcome.Owner) ? GuardState.TransferFailed : outcome.State,
                    EntryExpiresAt = now + window,
                    EntryTransferFailures = owns ? live!.EntryTransferFailures : known.TransferFailures,
                    Issued = issued,
                    IssuedExpiresAt = issuedExpiresAt,
                    Counted = known.Counted,
                    FailedSkillId = known.FailedSkillId,
                    GiveUpReason = known.GiveUpReason,
                    FailuresExpireAt = known.FailuresExpireAt,
                };
            case GuardState.NotAccepted when owns:
                return live! with
                {
                    State = GuardState.NotAccepted,
                    EntryExpiresAt = now + RefusalKeep,
                    StatusCode = outcome.StatusCode,
                    RequestId = outcome.RequestId,
                    Attempts = outcome.Attempts,
                    ElapsedMs = outcome.ElapsedMs,
                    FailureKind = outcome.FailureKind,
                };
            case GuardState.None or GuardState.NotAccepted when owns:
                return ClearEntry(live!);
            default:
                return null;
        }
    }

    /// <summary>
    /// The record as it stands at <paramref name="now"/>: each part past its expiry forgotten (an entry, the issued
    /// escalations, the failures); null when nothing is left.
    /// </summary>
    public static ConversationRecord? Live(ConversationRecord? record, DateTimeOffset now)
    {
        if (record is null || record.ExpiresAt <= now)
        {
            return null;
        }

        var live = record;
        if (live.State != GuardState.None && live.EntryExpiresAt <= now)
        {
            live = ClearEntry(live);
        }

        if (live.Issued.Count > 0 && live.IssuedExpiresAt <= now)
        {
            live = live with { Issued = [] };
        }

        if ((live.Counted.Count > 0 || live.GiveUpReason is not null) && live.FailuresExpireAt <= now)
        {
            // A failure once counted never counts again: the escalations it counted leave the issued ones with it.
            var counted = live.Counted;
            live = live with { Issued = live.Issued.Where(i => !counted.Contains(i.Id)).ToArray(), Counted = [], GiveUpReason = null, FailedSkillId = null };
        }

        return live;
    }

    /// <summary>The record with no escalation standing: its issued escalations and failures stay.</summary>
    private static ConversationRecord ClearEntry(ConversationRecord record) =>
        record.State == GuardState.None && record.Owner.Length == 0
            ? record
            : record with
            {
                State = GuardState.None,
                Owner = string.Empty,
                SkillId = string.Empty,
                EntryExpiresAt = default,
                EntryTransferFailures = 0,
                StatusCode = 0,
                RequestId = null,
                Body = string.Empty,
                IsBodyTruncated = false,
                Attempts = 0,
                ElapsedMs = 0,
                FailureKind = null,
            };

    /// <summary>The record's issued escalations with <paramref name="id"/> among them (the latest <see cref="ConversationRecord.MaxIssued"/>), and until when they are kept.</summary>
    private static (IReadOnlyList<IssuedEscalation> Issued, DateTimeOffset ExpiresAt) Issue(ConversationRecord record, string id, string skillId, TimeSpan fallbackWindow, DateTimeOffset now)
    {
        if (record.SkillOf(id) is not null)
        {
            return (record.Issued, record.IssuedExpiresAt);
        }

        IssuedEscalation[] issued = record.Issued.Count < ConversationRecord.MaxIssued
            ? [.. record.Issued, new IssuedEscalation(id, skillId)]
            : [.. record.Issued.Skip(1), new IssuedEscalation(id, skillId)];
        var expires = now + fallbackWindow;
        return (issued, expires > record.IssuedExpiresAt ? expires : record.IssuedExpiresAt);
    }
}
