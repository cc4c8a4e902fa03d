namespace LivePersonEscalation.Testing.Internal;

/// <summary>Tests waiting for escalations to arrive: one completion per awaited count.</summary>
internal sealed partial class EmulatorEngine
{
    public async Task<IReadOnlyList<RecordedEscalation>> WaitForEscalationsAsync(int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        TaskCompletionSource<IReadOnlyList<RecordedEscalation>> waiter;
        lock (_gate)
        {
            if (_escalations.Count >= count)
            {
                return [.. _escalations];
            }

            waiter = new TaskCompletionSource<IReadOnlyList<RecordedEscalation>>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, waiter));
        }

        try
        {
            return await waiter.Task.WaitAsync(timeout, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Expected {count} escalation(s) within {timeout}, but the emulator accepted {Escalations.Count} (of {Requests.Count} request(s)).");
        }
        finally
        {
            lock (_gate)
            {
                _waiters.RemoveAll(w => w.Waiter == waiter);
            }
        }
    }

    private void ReleaseWaiters()
    {
        foreach (var (count, waiter) in _waiters)
        {
            if (_escalations.Count >= count)
            {
                waiter.TrySetResult([.. _escalations]);
            }
        }
    }
}
