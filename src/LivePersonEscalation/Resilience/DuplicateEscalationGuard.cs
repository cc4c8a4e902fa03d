namespace LivePersonEscalation;

/// <summary>
/// Keeps one escalation per conversation: a call for a conversation already in flight joins it, and a call within
/// the window after an accepted one gets that result without sending. Failed escalations are forgotten at once, so
/// the caller may try again. Memory is bounded: accepted entries expire after the window, and beyond the capacity
/// the oldest accepted ones are forgotten first. Shared by every client of one registration. Thread-safe.
/// </summary>
/// <remarks>
/// Each remembered conversation costs a dictionary slot and a queue slot, and keeps only its id and the answer's
/// strings alive: in flight it maps to a shared marker (or to a completion source once someone joins), once accepted
/// to the parts of its result, inline.
/// Entering and reporting are synchronous, so the guard adds no async step to a call. Measured in a tight loop of new
/// conversations (benchmarks/README.md): about 80 ns of bookkeeping, and about 230 ns more with a full table of 1,000
/// (each call evicting a cold id, a table beyond the fastest caches, remembered answers surviving gen0).
/// </remarks>
internal sealed class DuplicateEscalationGuard(TimeSpan window, int capacity, TimeProvider timeProvider)
{
    // The value of a conversation in flight that nobody has joined yet.
    private static readonly object InFlight = new();

    private readonly object _gate = new();

    // Conversation id -> what is known of it, kept inline so that an accepted one costs no object of its own.
    private readonly Dictionary<string, Slot> _entries = new(StringComparer.Ordinal);

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
                switch (existing.Pending)
                {
                    case null:
                        return GuardEntry.Answered(EscalationResult.Deduplicated(existing.Answer));
                    case TaskCompletionSource<EscalationResult> joiners:
                        return GuardEntry.Join(joiners.Task);
                    default:
                        var first = new TaskCompletionSource<EscalationResult>(TaskCreationOptions.RunContinuationsAsynchronously);
                        _entries[conversationId] = new Slot(first);
                        return GuardEntry.Join(first.Task);
                }
            }

            if (_entries.Count < capacity || ForgetOldestAccepted())
            {
                _entries.Add(conversationId, new Slot(InFlight));
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
        Slot waiting;
        lock (_gate)
        {
            _entries.TryGetValue(conversationId, out waiting);
            _entries[conversationId] = new Slot(Pending: null, result.Answer);
            _accepted.Enqueue((conversationId, acceptedAt));
        }

        (waiting.Pending as TaskCompletionSource<EscalationResult>)?.TrySetResult(result);
    }

    /// <summary>Forgets the failed escalation at once (the caller may try again) and fails any joined callers with it.</summary>
    public void Abandon(string conversationId, Exception exception)
    {
        Slot waiting;
        lock (_gate)
        {
            _entries.TryGetValue(conversationId, out waiting);
            _entries.Remove(conversationId);
        }

        if (waiting.Pending is TaskCompletionSource<EscalationResult> joiners)
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

    /// <summary>
    /// What the guard knows of a conversation: in flight (<see cref="Pending"/> is the shared marker, or a completion
    /// source once someone joins), or accepted (<see cref="Pending"/> null, the answer's parts inline). Holding the
    /// parts rather than the <see cref="EscalationResult"/> keeps one object less alive per remembered conversation.
    /// </summary>
    private readonly record struct Slot(object? Pending, AcceptedAnswer Answer = default);
}
