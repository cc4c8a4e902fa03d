namespace LivePersonEscalation.Internal;

/// <summary>The rules after acceptance: a transfer-failure report checked against the record, and one tier's record written into another.</summary>
internal static partial class GuardRules
{
    /// <summary>
    /// Applies a report that the transfer of <paramref name="escalationId"/> failed (null: the latest escalation the
    /// record issued). Only an escalation this record issued counts, once; a report naming any other changes nothing.
    /// A counted failure gives up at <see cref="TransferFailureRules.MaxTransferFailures"/>, or when the failed skill
    /// has no fallback; otherwise, when no other escalation stands, the same write claims the conversation for the
    /// fallback escalation (owner <paramref name="fallbackOwner"/>), so that a repeated report anywhere in the fleet
    /// waits for that one instead of sending its own.
    /// </summary>
    public static ReportDecision ReportTransferFailure(ConversationRecord? current, string? escalationId, TransferFailureRules rules, string fallbackOwner, TimeSpan claimExpiry, DateTimeOffset now)
    {
        var live = Live(current, now);
        if (live is null || (live.Issued.Count == 0 && live.Counted.Count == 0 && live.State != GuardState.InFlight))
        {
            return new(ReportVerdict.NothingToReport, live, null, escalationId, null);
        }

        var id = escalationId ?? (live.Issued.Count > 0 ? live.Issued[live.Issued.Count - 1].Id : live.State == GuardState.InFlight ? live.Owner : null);
        if (live.GiveUpReason is not null || (id is not null && live.Counted.Contains(id)))
        {
            return new(ReportVerdict.Repeated, live, null, id, null);
        }

        // An escalation still in flight (its settle not landed yet) was issued too: its failure proves it was accepted.
        var skill = id is null ? null : live.SkillOf(id) ?? (live.State == GuardState.InFlight && live.Owner == id ? live.SkillId : null);
        if (skill is null)
        {
            return new(escalationId is null ? ReportVerdict.NothingToReport : ReportVerdict.NotIssued, live, null, id, null);
        }

        var counted = live.Counted.Append(id!).ToArray();
        var fallback = rules.FallbackOf(skill);
        var giveUp = counted.Length >= rules.MaxTransferFailures ? TransferGiveUpReason.MaxTransferFailures
            : fallback is null ? TransferGiveUpReason.NoFallbackSkill
            : (TransferGiveUpReason?)null;
        var record = live with { Counted = counted, FailedSkillId = skill, GiveUpReason = giveUp, FailuresExpireAt = now + rules.Window };
        if (record.Owner == id && record.State is GuardState.InFlight or GuardState.Accepted or GuardState.Unknown)
        {
            record = record with { State = GuardState.TransferFailed };
        }

        if (giveUp is not null)
        {
            return new(ReportVerdict.GaveUp, record, record, id, null);
        }

        if (record.State is GuardState.InFlight or GuardState.Accepted or GuardState.Unknown)
        {
            // Another escalation of the conversation stands: the fallback goes through the guard like any call.
            return new(ReportVerdict.Counted, record, record, id, null);
        }

        record = ClearEntry(record) with
        {
            State = GuardState.InFlight,
            Owner = fallbackOwner,
            SkillId = fallback!,
            EntryExpiresAt = now + claimExpiry,
            EntryTransferFailures = counted.Length,
        };
        return new(ReportVerdict.Counted, record, record, id, fallback);
    }

    /// <summary>
    /// The shared store's <paramref name="record"/> as an instance keeps it: whole, but for a claim in flight that is
    /// not <paramref name="ownClaim"/> (another instance's: this instance's callers wait for it at the shared store, where its settle lands).
    /// </summary>
    public static ConversationRecord Mirror(ConversationRecord record, string? ownClaim) =>
        record.State == GuardState.InFlight && record.Owner != ownClaim ? ClearEntry(record) : record;

    /// <summary>
    /// What <paramref name="target"/> (a shared store's record) becomes when it learns what <paramref name="source"/>
    /// (an instance's own) knows: the issued escalations and counted failures of both, the give-up of either, and the
    /// escalation that stands in either (the target's first), unless its transfer was reported failed.
    /// </summary>
    /// <returns>The record to write, or null when the target knows it all already.</returns>
    public static ConversationRecord? Merge(ConversationRecord? target, ConversationRecord? source, DateTimeOffset now)
    {
        var learned = Live(source, now);
        if (learned is null)
        {
            return null;
        }

        var held = Live(target, now);
        if (held is null)
        {
            return learned;
        }

        var newIssued = learned.Issued.Where(i => held.SkillOf(i.Id) is null).ToArray();
        var newCounted = learned.Counted.Where(id => !held.Counted.Contains(id)).ToArray();
        var counted = newCounted.Length == 0 ? held.Counted : held.Counted.Concat(newCounted).ToArray();
        var merged = held;
        if (newIssued.Length > 0)
        {
            merged = merged with
            {
                Issued = held.Issued.Concat(newIssued).Reverse().Take(ConversationRecord.MaxIssued).Reverse().ToArray(),
                IssuedExpiresAt = learned.IssuedExpiresAt > held.IssuedExpiresAt ? learned.IssuedExpiresAt : held.IssuedExpiresAt,
            };
        }

        if (newCounted.Length > 0 || (held.GiveUpReason is null && learned.GiveUpReason is not null))
        {
            merged = merged with
            {
                Counted = counted,
                FailedSkillId = newCounted.Length > 0 ? learned.FailedSkillId : held.FailedSkillId,
                GiveUpReason = held.GiveUpReason ?? learned.GiveUpReason,
                FailuresExpireAt = learned.FailuresExpireAt > held.FailuresExpireAt ? learned.FailuresExpireAt : held.FailuresExpireAt,
            };
        }

        var intoStands = held.State is GuardState.InFlight or GuardState.Accepted or GuardState.Unknown && !counted.Contains(held.Owner);
        // A claim in flight of the source's instance stands too: it is sending, and the target's callers should wait for it.
        var fromStands = learned.State is GuardState.InFlight or GuardState.Accepted or GuardState.Unknown && !counted.Contains(learned.Owner);
        if (!intoStands && fromStands && learned.Owner != held.Owner)
        {
            merged = learned with
            {
                Issued = merged.Issued,
                IssuedExpiresAt = merged.IssuedExpiresAt,
                Counted = merged.Counted,
                FailedSkillId = merged.FailedSkillId,
                GiveUpReason = merged.GiveUpReason,
                FailuresExpireAt = merged.FailuresExpireAt,
            };
        }
        else if (held.State is GuardState.Accepted or GuardState.Unknown && counted.Contains(held.Owner))
        {
            merged = merged with { State = GuardState.TransferFailed };
        }

        return ReferenceEquals(merged, held) ? null : merged;
    }
}
