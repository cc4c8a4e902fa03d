namespace LivePersonEscalation.Availability.Internal;

/// <summary>
/// One skill's shift as LivePerson last told it, and what it is at a later time: LivePerson says in advance when the
/// shift next opens (<c>nextOn</c>) and closes (<c>nextOff</c>), so the state flips on time between refreshes
/// without a call.
/// </summary>
internal sealed record ShiftState(bool OnShift, DateTimeOffset? NextOn, DateTimeOffset? NextOff, DateTimeOffset FetchedAt)
{
    /// <summary>LivePerson's answer as a state; an announced change at or before the fetch (stale, or a placeholder such as 0) is dropped.</summary>
    public static ShiftState From(ShiftStatusAnswer answer, DateTimeOffset fetchedAt, string skillId) => new(
        answer.OnShift ?? throw new AccountApiException($"the Shift Status API answered without onShift for skill {skillId}."),
        Future(answer.NextOn, fetchedAt),
        Future(answer.NextOff, fetchedAt),
        fetchedAt);

    /// <summary>
    /// The shift at <paramref name="now"/>: the announced changes due by then applied in time order, each only after
    /// the one before it (on shift, it closes at <c>nextOff</c>, and only a <c>nextOn</c> after that reopens it).
    /// A change once applied is no longer announced.
    /// </summary>
    public ShiftState At(DateTimeOffset now)
    {
        var state = this;
        var since = FetchedAt;
        for (var change = 0; change < 2; change++)
        {
            var next = state.OnShift ? state.NextOff : state.NextOn;
            if (next is not { } at || at > now || at <= since)
            {
                break;
            }

            state = state.OnShift ? state with { OnShift = false, NextOff = null } : state with { OnShift = true, NextOn = null };
            since = at;
        }

        return state;
    }

    private static DateTimeOffset? Future(long? epochMilliseconds, DateTimeOffset fetchedAt) =>
        epochMilliseconds is { } ms && ms > fetchedAt.ToUnixTimeMilliseconds() ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
