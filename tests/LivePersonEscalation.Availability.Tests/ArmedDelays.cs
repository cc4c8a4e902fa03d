using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace LivePersonEscalation.Availability.Tests;

/// <summary>
/// The fake clock, counting the one-shot timers armed on it by due time: a test advances the clock only once the
/// delay it means to end is armed, never before (a call counted by the emulator may not have armed its delay yet).
/// </summary>
internal sealed class ArmedDelays(FakeTimeProvider time) : TimeProvider
{
    private readonly ConcurrentDictionary<TimeSpan, int> _armed = new();

    public int Armed(TimeSpan dueTime) => _armed.GetValueOrDefault(dueTime);

    public override DateTimeOffset GetUtcNow() => time.GetUtcNow();

    public override long GetTimestamp() => time.GetTimestamp();

    public override long TimestampFrequency => time.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = time.CreateTimer(callback, state, dueTime, period);
        _armed.AddOrUpdate(dueTime, 1, static (_, count) => count + 1);
        return timer;
    }
}
