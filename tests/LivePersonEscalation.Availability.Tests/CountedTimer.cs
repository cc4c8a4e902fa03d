namespace LivePersonEscalation.Availability.Tests;

internal sealed class CountedTimer(ITimer inner, Action disposed) : ITimer
{
    public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(dueTime, period);

    public void Dispose()
    {
        disposed();
        inner.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }
}
