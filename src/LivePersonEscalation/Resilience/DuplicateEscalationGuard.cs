namespace LivePersonEscalation;

/// <summary>
/// Keeps one escalation per conversation: a call for a conversation already in flight joins it, and a call within
/// the window after an accepted one gets that result without sending. Failed escalations are forgotten at once, so
/// the caller may try again. Memory is bounded: accepted entries expire after the window, and beyond the capacity
/// the oldest accepted ones are forgotten first. Shared by every client of one registration. Thread-safe.
/// </summary>
/// <remarks>
/// Each remembered conversation costs a dictionary slot and a queue slot, and keeps only its result alive: in flight
/// it maps to a shared marker (or to a completion source once someone joins), once accepted to its result.
/// Entering and reporting are synchronous, so the guard adds no async step to a call. Measured in a tight loop
/// (benchmarks/README.md): about 80 ns of bookkeeping, plus about 250 ns of garbage collection because the remembered
/// results outlive the youngest generation.
/// </remarks>
internal sealed class DuplicateEscalationGuard(TimeSpan window, int capacity, TimeProvider timeProvider)
{
    // The value of a conversation in flight that nobody has joined yet.
    private static readonly object InFlight = new();

    private readonly object _gate = new();

    // Conversation id -> InFlight, a TaskCompletionSource for joiners, or the accepted EscalationResult.
    private readonly Dictionary<string, object> _entries = new(StringComparer.Ordinal);

    // Accepted conversations in the order they were accepted, which is also the order they expire in.
    private readonly Queue<(string ConversationId, long AcceptedAt)> _accepted = new();

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

    /// <summary>
    /// Enters a call for <paramref name="conversationId"/>: it is answered from a recent accepted escalation, joins
    /// one in flight, or becomes the one that sends (and must then call <see cref="Complete"/> or <see cref="Abandon"/>).
    /// Synchronous, so the common path adds no async step to the call.
    /// </summary>
    /// <param name="conversationId">The conversation being escalated.</param>
    /// <param name="now">The call's start, a <see cref="TimeProvider.GetTimestamp"/> value.</param>
    public GuardEntry Enter(string conversationId, long now)
    {
        lock (_gate)
        {
            ForgetExpired(now);
            if (_entries.TryGetValue(conversationId, out var existing))
            {
                switch (existing)
                {
                    case EscalationResult accepted:
                        return GuardEntry.Answered(accepted.AsDeduplicated());
                    case TaskCompletionSource<EscalationResult> joiners:
                        return GuardEntry.Join(joiners.Task);
                    default:
                        var first = new TaskCompletionSource<EscalationResult>(TaskCreationOptions.RunContinuationsAsynchronously);
                        _entries[conversationId] = first;
                        return GuardEntry.Join(first.Task);
                }
            }

            if (_entries.Count < capacity || ForgetOldestAccepted())
            {
                _entries.Add(conversationId, InFlight);
                return GuardEntry.Send(guarded: true);
            }

            // Every remembered conversation is in flight: guard nothing rather than grow without bound.
            return GuardEntry.Send(guarded: false);
        }
    }

    /// <summary>Remembers the accepted <paramref name="result"/> for the window, and hands it to any joined callers.</summary>
    /// <param name="conversationId">The conversation escalated.</param>
    /// <param name="result">Its accepted result.</param>
    /// <param name="acceptedAt">When it was accepted, a <see cref="TimeProvider.GetTimestamp"/> value; the window starts then.</param>
    public void Complete(string conversationId, EscalationResult result, long acceptedAt)
    {
        object? waiting;
        lock (_gate)
        {
            _entries.TryGetValue(conversationId, out waiting);
            _entries[conversationId] = result;
            _accepted.Enqueue((conversationId, acceptedAt));
        }

        (waiting as TaskCompletionSource<EscalationResult>)?.TrySetResult(result);
    }

    /// <summary>Forgets the failed escalation at once (the caller may try again) and fails any joined callers with it.</summary>
    public void Abandon(string conversationId, Exception exception)
    {
        object? waiting;
        lock (_gate)
        {
            _entries.TryGetValue(conversationId, out waiting);
            _entries.Remove(conversationId);
        }

        if (waiting is TaskCompletionSource<EscalationResult> joiners)
        {
            if (exception is OperationCanceledException canceled)
            {
                joiners.TrySetCanceled(canceled.CancellationToken);
            }
            else
            {
                joiners.TrySetException(exception);
            }
        }
    }

    private void ForgetExpired(long now)
    {
        while (_accepted.Count > 0 && timeProvider.GetElapsedTime(_accepted.Peek().AcceptedAt, now) >= window)
        {
            _entries.Remove(_accepted.Dequeue().ConversationId);
        }
    }

    private bool ForgetOldestAccepted()
    {
        if (_accepted.Count == 0)
        {
            return false;
        }

        _entries.Remove(_accepted.Dequeue().ConversationId);
        return true;
    }
}
