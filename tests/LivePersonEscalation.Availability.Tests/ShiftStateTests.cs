using LivePersonEscalation.Availability.Internal;

namespace LivePersonEscalation.Availability.Tests;

/// <summary>A shift between refreshes: LivePerson's announced changes applied on time, in order, stale ones ignored.</summary>
public sealed class ShiftStateTests
{
    private static readonly DateTimeOffset Fetched = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    private static ShiftState From(bool onShift, DateTimeOffset? nextOn, DateTimeOffset? nextOff) =>
        ShiftState.From(new ShiftStatusAnswer { OnShift = onShift, NextOn = nextOn?.ToUnixTimeMilliseconds(), NextOff = nextOff?.ToUnixTimeMilliseconds() }, Fetched, "1");

    [Fact]
    public void Off_shift_opens_at_nextOn_and_closes_again_at_nextOff()
    {
        var shift = From(onShift: false, nextOn: Fetched.AddHours(1), nextOff: Fetched.AddHours(9));

        Assert.False(shift.At(Fetched.AddMinutes(59)).OnShift);
        Assert.True(shift.At(Fetched.AddHours(1)).OnShift);
        Assert.Equal(Fetched.AddHours(9), shift.At(Fetched.AddHours(1)).NextOff);
        Assert.False(shift.At(Fetched.AddHours(10)).OnShift);
    }

    [Fact]
    public void On_shift_a_nextOn_before_nextOff_does_not_reopen_it_once_closed()
    {
        // On until 17:00; a nextOn of 09:00 is the start of the shift under way, not a later one.
        var shift = From(onShift: true, nextOn: Fetched.AddHours(1), nextOff: Fetched.AddHours(9));

        Assert.True(shift.At(Fetched.AddHours(8)).OnShift);
        Assert.False(shift.At(Fetched.AddHours(9)).OnShift);
        Assert.False(shift.At(Fetched.AddHours(12)).OnShift);
    }

    [Fact]
    public void Changes_announced_at_or_before_the_fetch_are_ignored()
    {
        var shift = From(onShift: false, nextOn: DateTimeOffset.FromUnixTimeMilliseconds(0), nextOff: null);

        Assert.Null(shift.NextOn);
        Assert.False(shift.At(Fetched.AddDays(1)).OnShift);
    }

    [Fact]
    public void Twenty_four_seven_never_changes()
    {
        var shift = From(onShift: true, nextOn: null, nextOff: null);

        Assert.True(shift.At(Fetched.AddDays(30)).OnShift);
    }
}
