using LivePersonEscalation.DuplicateGuard;

namespace LivePersonEscalation.Internal;

/// <summary>
/// Writes what an instance learned to the shared store in the background, so the caller never waits for it: a
/// settled escalation, or what the instance recorded while the store could not answer. Each write applies a rule of
/// <see cref="GuardRules"/> to the record the store holds and writes the result over that version; a conflict decides
/// again from the record found, a failure tries again (50 ms, doubling to 1 s), reading the record afresh, so a write
/// whose answer was lost is finished from what landed. It stops when the rule changes nothing, or once it is no longer
/// worth anything. <see cref="DrainAsync"/> gives what is pending a last try when the host stops, within a bound.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The source holds no timer: it is cancelled when draining ends, never disposed, since a write just starting may still read its token.")]
internal sealed class PendingWrites(SharedStoreCalls store, EscalationTelemetry telemetry, TimeProvider timeProvider)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(1);

    private readonly InFlightCounter _pending = new();
    private readonly CancellationTokenSource _stopping = new();
    private TimeSpan _stopBound;

    /// <summary>How many writes are still under way.</summary>
    public int Count => _pending.Count;

    /// <summary>
    /// Starts applying <paramref name="rule"/> to the record of <paramref name="key"/> (starting from
    /// <paramref name="known"/>, the record this instance last wrote there, when it knows one) for at most <paramref name="worthFor"/>.
    /// </summary>
    public void Start(string key, DuplicateGuardRecord? known, Func<ConversationRecord?, DateTimeOffset, ConversationRecord?> rule, TimeSpan worthFor)
    {
        _pending.Enter();
        _ = WriteCountedAsync(key, known, rule, worthFor);
    }

    /// <summary>
    /// Gives each pending write one last try (a store that fails at once is not waited for: the host is stopping),
    /// and waits at most <paramref name="bound"/> for the ones awaiting the store's answer.
    /// </summary>
    public async Task DrainAsync(TimeSpan bound, TimeSpan stopBound)
    {
        _stopBound = stopBound;
        _stopping.Cancel();
        await _pending.WaitAsync(bound, timeProvider).ConfigureAwait(false);
    }

    private async Task WriteCountedAsync(string key, DuplicateGuardRecord? known, Func<ConversationRecord?, DateTimeOffset, ConversationRecord?> rule, TimeSpan worthFor)
    {
        try
        {
            await WriteAsync(key, known, rule, worthFor).ConfigureAwait(false);
        }
        finally
        {
            _pending.Exit();
        }
    }

    private async Task WriteAsync(string key, DuplicateGuardRecord? known, Func<ConversationRecord?, DateTimeOffset, ConversationRecord?> rule, TimeSpan worthFor)
    {
        var started = timeProvider.GetTimestamp();
        var retry = FirstRetry;
        var current = known;
        var read = known is not null;
        while (true)
        {
            if (timeProvider.GetElapsedTime(started) >= worthFor)
            {
                telemetry.GuardSettleAbandoned(worthFor);
                return;
            }

            // In the background a late answer is still worth waiting for, as long as the write is worth anything.
            var bound = worthFor - timeProvider.GetElapsedTime(started);
            var step = read ? StoreStep<DuplicateGuardRecord>.Answer(current) : await store.ReadAsync(key, bound).ConfigureAwait(false);
            if (step.Answered)
            {
                current = step.Value;
                if (rule(current?.Conversation, timeProvider.GetUtcNow()) is not { } next)
                {
                    return;
                }

                var record = DuplicateGuardRecord.New(next, timeProvider.GetUtcNow());
                step = await store.WriteAsync(key, current?.Version, record, bound).ConfigureAwait(false);
                if (step.Answered && step.Value?.Version == record.Version)
                {
                    return;
                }

                if (step.Answered)
                {
                    // Another write came first: decide again from what it left.
                    current = step.Value;
                    read = true;
                    continue;
                }
            }

            // No answer: the write may still land; the next try reads what did.
            read = false;
            if (_stopping.IsCancellationRequested)
            {
                telemetry.GuardSettleCutByStop(_stopBound);
                return;
            }

            try
            {
                var left = worthFor - timeProvider.GetElapsedTime(started);
#if NET
                await Task.Delay(retry < left ? retry : (left > TimeSpan.Zero ? left : TimeSpan.Zero), timeProvider, _stopping.Token).ConfigureAwait(false);
#else
                await timeProvider.Delay(retry < left ? retry : (left > TimeSpan.Zero ? left : TimeSpan.Zero), _stopping.Token).ConfigureAwait(false);
#endif
            }
            catch (OperationCanceledException)
            {
                // Stopping: one last try.
            }

            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
        }
    }
}
