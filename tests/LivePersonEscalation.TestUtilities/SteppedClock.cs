using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace LivePersonEscalation.TestUtilities;

/// <summary>
/// A fake clock that reports every timer the code under test starts, so a test can wait for "the client is now
/// waiting N seconds" and advance exactly that far, instead of sleeping.
/// </summary>
public sealed class SteppedClock : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public SteppedClock()
        : base(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Waits (bounded) until a timer shorter than <paramref name="shorterThan"/> starts, and returns its due time.</summary>
    public async Task<TimeSpan> NextDelayAsync(TimeSpan shorterThan)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var due = await _timers.Reader.ReadAsync(bound.Token);
            if (due < shorterThan && due > TimeSpan.Zero)
            {
                return due;
            }
        }
    }

    /// <summary>Waits for the next retry delay (any timer shorter than the attempt timeout) and lets it elapse.</summary>
    public async Task<TimeSpan> ElapseNextDelayAsync(TimeSpan attemptTimeout)
    {
        var due = await NextDelayAsync(attemptTimeout);
        Advance(due);
        return due;
    }
}
