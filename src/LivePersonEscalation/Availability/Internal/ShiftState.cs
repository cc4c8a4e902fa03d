namespace LivePersonEscalation.Internal;

/// <summary>
/// One skill's shift as LivePerson last told it, and what it is at a later time: LivePerson says in advance when the
/// shift next opens (<c>nextOn</c>) and closes (<c>nextOff</c>), so the state flips on time between refreshes
/// without a call.
/// </summary>
internal sealed record ShiftState(bool OnShift, DateTimeOffset? NextOn, DateTimeOffset? NextOff, DateTimeOffset FetchedAt)
{
    public static ShiftState From(ShiftStatusAnswer answer, DateTimeOffset fetchedAt, string skillId) => new(
        answer.OnShift ?? throw new AccountApiException($"the Shift Status API answered without onShift for skill {skillId}."),
        answer.NextOn is { } on ? DateTimeOffset.FromUnixTimeMilliseconds(on) : null,
        answer.NextOff is { } off ? DateTimeOffset.FromUnixTimeMilliseconds(off) : null,
        fetchedAt);

    /// <summary>The shift at <paramref name="now"/>: each change LivePerson announced that is due by then applied in order; a change once applied is no longer announced.</summary>
    public ShiftState At(DateTimeOffset now)
    {
        var state = this;
        for (var change = 0; change < 2; change++)
        {
            if (state.OnShift && state.NextOff is { } off && off <= now)
            {
                state = state with { OnShift = false, NextOff = null };
            }
            else if (!state.OnShift && state.NextOn is { } on && on <= now)
            {
                state = state with { OnShift = true, NextOn = null };
            }
            else
            {
                break;
            }
        }

        return state;
    }
}
