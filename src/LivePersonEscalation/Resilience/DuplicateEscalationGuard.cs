namespace LivePersonEscalation;

/// <summary>
/// Keeps one escalation per conversation: a call for a conversation already in flight joins it, and a call within
/// the window after an accepted one gets that result without sending. Failed escalations are forgotten at once, so
/// the caller may try again. Memory is bounded: accepted entries expire after the window, and beyond the capacity
/// the oldest accepted ones are forgotten first. Shared by every client of one registration. Thread-safe.
/// </summary>
internal sealed class DuplicateEscalationGuard(TimeSpan window, int capacity, TimeProvider timeProvider)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    // Accepted entries in the order they were accepted, which is also the order they expire in.
    private readonly LinkedList<Entry> _accepted = new();

    /// <summary>How many conversations are remembered now (in flight or recently accepted).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public async Task<EscalationResult> RunAsync<TState>(
        string conversationId, TState state, Func<TState, CancellationToken, Task<EscalationResult>> send, CancellationToken cancellationToken)
    {
        Entry? owned = null;
        Task<EscalationResult>? joined = null;
        lock (_gate)
        {
            ForgetExpired(timeProvider.GetTimestamp());
            if (_entries.TryGetValue(conversationId, out var existing))
            {
                if (existing.Result is { } accepted)
                {
                    return accepted.AsDeduplicated();
                }

                joined = existing.Completion.Task;
            }
            else if (_entries.Count < capacity || ForgetOldestAccepted())
            {
                owned = new Entry(conversationId);
                _entries.Add(conversationId, owned);
            }
        }

        if (joined is not null)
        {
            var result = await joined.WaitOrCancelAsync(cancellationToken).ConfigureAwait(false);
            return result.AsDeduplicated();
        }

        if (owned is null)
        {
            // Every remembered conversation is in flight: guard nothing rather than grow without bound.
            return await send(state, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var result = await send(state, cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                owned.Result = result;
                owned.AcceptedAt = timeProvider.GetTimestamp();
                owned.Node = _accepted.AddLast(owned);
            }

            owned.Completion.TrySetResult(result);
            return result;
        }
        catch (Exception ex)
        {
            lock (_gate)
            {
                _entries.Remove(conversationId);
            }

            if (ex is OperationCanceledException canceled)
            {
                owned.Completion.TrySetCanceled(canceled.CancellationToken);
            }
            else
            {
                owned.Completion.TrySetException(ex);
            }

            throw;
        }
    }

    private void ForgetExpired(long now)
    {
        while (_accepted.First is { } oldest && timeProvider.GetElapsedTime(oldest.Value.AcceptedAt, now) >= window)
        {
            Forget(oldest.Value);
        }
    }

    private bool ForgetOldestAccepted()
    {
        if (_accepted.First is not { } oldest)
        {
            return false;
        }

        Forget(oldest.Value);
        return true;
    }

    private void Forget(Entry entry)
    {
        _accepted.Remove(entry.Node!);
        _entries.Remove(entry.ConversationId);
    }

    private sealed class Entry(string conversationId)
    {
        public string ConversationId { get; } = conversationId;

        public TaskCompletionSource<EscalationResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public EscalationResult? Result { get; set; }

        public long AcceptedAt { get; set; }

        public LinkedListNode<Entry>? Node { get; set; }
    }
}
