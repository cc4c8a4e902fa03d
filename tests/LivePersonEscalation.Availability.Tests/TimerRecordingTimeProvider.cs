using Microsoft.Extensions.Time.Testing;

namespace LivePersonEscalation.Availability.Tests;

/// <summary>The fake clock, counting the periodic timers made on it (the refreshes; one-shot timeouts aside) and those disposed.</summary>
internal sealed class TimerRecordingTimeProvider(FakeTimeProvider time) : TimeProvider
{
    private int _created;
    private int _disposed;

    public int Created => Volatile.Read(ref _created);

    public int Disposed => Volatile.Read(ref _disposed);

    public override DateTimeOffset GetUtcNow() => time.GetUtcNow();

    public override long GetTimestamp() => time.GetTimestamp();

    public override long TimestampFrequency => time.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = time.CreateTimer(callback, state, dueTime, period);
        if (period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero)
        {
            return timer;
        }

        Interlocked.Increment(ref _created);
        return new CountedTimer(timer, () => Interlocked.Increment(ref _disposed));
    }
}
