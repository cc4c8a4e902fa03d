namespace LivePersonEscalation.Tests.DuplicateGuard;

/// <summary>Holds every request at the wire until released, and counts the ones that got there.</summary>
internal sealed class HeldRequests
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    public async Task HoldAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _arrived);
        await _release.Task.WaitAsync(cancellationToken);
    }

    public async Task ArrivedAsync(int count)
    {
        for (var i = 0; i < 2_000 && Volatile.Read(ref _arrived) < count; i++)
        {
            await Task.Delay(5);
        }

        Assert.Equal(count, Volatile.Read(ref _arrived));
    }

    public void Release() => _release.TrySetResult();
}
