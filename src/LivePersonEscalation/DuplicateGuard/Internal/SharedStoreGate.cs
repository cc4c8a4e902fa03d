namespace LivePersonEscalation.Internal;

/// <summary>
/// How the guard asks the shared store a question: for at most the operation timeout, and not at all while an
/// earlier question is still unanswered.
/// <list type="bullet">
/// <item>A timeout is decided only by a timer that fired on time. A timer that itself ran late says this process is
/// slow, not the store (a starved thread pool delays the reader of the answer as much as the timer), so the answer
/// may already be waiting to be read: the guard waits another operation timeout, up to the claim's expiry.</item>
/// <item>A question the store did not answer in time stays this call's (its owner id is kept; its late answer is
/// still used) and opens the breaker: until that step completes (its answer arrives, or the connection gives up on
/// it), every step fails at once. It closes by the store's own answer, with no timing of its own. An unreachable
/// store fails each step at once by itself (StackExchange.Redis tracks the connection's state).</item>
/// </list>
/// </summary>
internal sealed class SharedStoreGate(TimeSpan operationTimeout, TimeSpan longestWait, TimeProvider timeProvider)
{
    // A timer continuation that runs later than this after its due time ran on a starved thread pool.
    private static readonly TimeSpan TimerTolerance = TimeSpan.FromMilliseconds(100);

    private volatile Task? _unanswered;

    /// <summary>True while a step that did not answer in time is still under way: the store is silent, skip it.</summary>
    public bool IsSilent => _unanswered is { IsCompleted: false };

    /// <summary>Runs <paramref name="step"/> unless the store is silent, and waits for it at most the operation timeout.</summary>
    public async ValueTask<StoreStep<T>> AskAsync<T>(Func<ValueTask<T>> step)
    {
        if (IsSilent)
        {
            return StoreStep<T>.Failed(new TimeoutException("The duplicate guard's store has not answered an earlier step yet."));
        }

#pragma warning disable CA1031 // Any failure of a store is a store that did not answer: the guard decides what follows.
        Task<T> task;
        try
        {
            var started = step();
            if (started.IsCompletedSuccessfully)
            {
                return StoreStep<T>.Answer(started.Result);
            }

            task = started.AsTask();
        }
        catch (Exception ex)
        {
            return StoreStep<T>.Failed(ex);
        }

        var asked = timeProvider.GetTimestamp();
        var due = operationTimeout;
        while (true)
        {
            try
            {
                var left = due - timeProvider.GetElapsedTime(asked);
                return StoreStep<T>.Answer(await task.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, timeProvider).ConfigureAwait(false));
            }
            catch (TimeoutException)
            {
                if (task.IsCompleted)
                {
                    continue;
                }

                var waited = timeProvider.GetElapsedTime(asked);
                if (waited - due <= TimerTolerance && waited < longestWait)
                {
                    // On time; but an answer read moments ago may still be completing in the thread pool's queue:
                    // let everything queued before this check run first, and count a slow queue as a starved process.
                    var queued = timeProvider.GetTimestamp();
                    await BehindQueuedWorkAsync().ConfigureAwait(false);
                    if (task.IsCompleted || timeProvider.GetElapsedTime(queued) > TimerTolerance)
                    {
                        due = timeProvider.GetElapsedTime(asked) + operationTimeout;
                        continue;
                    }
                }
                else if (waited < longestWait)
                {
                    // The timer ran late: this process was starved, and the answer may be waiting to be read.
                    due = waited + operationTimeout;
                    continue;
                }

                _unanswered = task;
                _ = ObserveAsync(task);
                return StoreStep<T>.Late(task, new TimeoutException($"The duplicate guard's store did not answer within {operationTimeout.TotalMilliseconds:0} ms (DuplicateGuard:Redis:OperationTimeout)."));
            }
            catch (Exception ex)
            {
                return StoreStep<T>.Failed(ex);
            }
        }
#pragma warning restore CA1031
    }

    /// <summary>Awaits a step nobody waits for any more, so its failure (if it fails) is observed.</summary>
    private static async Task ObserveAsync(Task step)
    {
        try
        {
            await step.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The guard already went on without this step; its answer, or its failure, only closes the breaker.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>Completes after the work items queued to the thread pool before it have been taken.</summary>
    private static Task<bool> BehindQueuedWorkAsync()
    {
        var behind = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        ThreadPool.UnsafeQueueUserWorkItem(static state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), behind);
        return behind.Task;
    }
}
