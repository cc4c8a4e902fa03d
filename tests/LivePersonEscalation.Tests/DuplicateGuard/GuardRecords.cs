using System.Net;
using LivePersonEscalation.DuplicateGuard;
using LivePersonEscalation.Internal;

namespace LivePersonEscalation.Tests.DuplicateGuard;

/// <summary>Records as the guard's rules make them, for tests of the stores below the client.</summary>
internal static class GuardRecords
{
    public static readonly TimeSpan ClaimExpiry = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan FallbackWindow = TimeSpan.FromHours(1);

    public static ConversationRecord Claim(string owner, DateTimeOffset now, string skillId = "1") =>
        GuardRules.Claim(null, owner, skillId, ClaimExpiry, answersFromSettled: true, waitedOn: null, now).Next!;

    public static ConversationRecord Accepted(string owner, string skillId = "1", string body = "{}", string? requestId = null) =>
        ConversationRecord.Empty with { State = GuardState.Accepted, Owner = owner, SkillId = skillId, StatusCode = (int)HttpStatusCode.OK, Body = body, RequestId = requestId, Attempts = 1 };

    /// <summary>Claims <paramref name="key"/> for <paramref name="owner"/> in <paramref name="store"/>; null when the claim was not written.</summary>
    public static DuplicateGuardRecord? ClaimIn(InProcessGuardStore store, string key, string owner, DateTimeOffset now)
    {
        var current = store.Read(key);
        var decision = GuardRules.Claim(current?.Conversation, owner, "1", ClaimExpiry, answersFromSettled: true, waitedOn: null, now);
        if (decision.Next is null)
        {
            return null;
        }

        var record = DuplicateGuardRecord.New(decision.Next, now);
        return store.Write(key, current?.Version, record) == record ? record : null;
    }

    /// <summary>Claims and settles <paramref name="key"/> as accepted.</summary>
    public static void AcceptIn(InProcessGuardStore store, string key, DateTimeOffset now, string body = "{}")
    {
        var owner = EscalationIds.Create();
        var claim = ClaimIn(store, key, owner, now)!;
        var settled = GuardRules.Settle(claim.Conversation, Accepted(owner, body: body), Window, FallbackWindow, now)!;
        store.Write(key, claim.Version, DuplicateGuardRecord.New(settled, now));
    }
}
