namespace LivePersonEscalation;

/// <summary>Task.WaitAsync for netstandard2.0, where the BCL lacks it.</summary>
internal static class TaskWaiting
{
    public static async Task<T> WaitOrCancelAsync<T>(this Task<T> task, CancellationToken cancellationToken)
    {
#if NET
        return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
#else
        if (!cancellationToken.CanBeCanceled || task.IsCompleted)
        {
            return await task.ConfigureAwait(false);
        }

        var canceled = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(static state => ((TaskCompletionSource<T>)state!).TrySetCanceled(), canceled))
        {
            return await (await Task.WhenAny(task, canceled.Task).ConfigureAwait(false)).ConfigureAwait(false);
        }
#endif
    }
}
