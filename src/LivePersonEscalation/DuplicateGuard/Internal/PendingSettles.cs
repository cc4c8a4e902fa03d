using LivePersonEscalation.DuplicateGuard;

namespace LivePersonEscalation.Internal;

/// <summary>
/// Writes what the wire decided to the shared store in the background, so the caller never waits for it: settles a
/// claim, or adds the outcome of an escalation sent while the store could not be reached. A write that fails is
/// tried again (50 ms, doubling to 1 s) until it lands or is no longer worth anything: past the claim's expiry for a
/// conversation to forget, past the window for one to remember. <see cref="DrainAsync"/> gives what is pending a
/// last try when the host stops, within a bound.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The source holds no timer: it is cancelled when draining ends, never disposed, since a write just starting may still read its token.")]
internal sealed class PendingSettles(IDuplicateGuardStore store, SharedStoreGate gate, EscalationTelemetry telemetry, TimeProvider timeProvider)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(1);

    private readonly InFlightCounter _pending = new();
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>How many writes are still under way.</summary>
    public int Count => _pending.Count;

    /// <summary>
    /// Starts writing <paramref name="outcome"/> (null: forget the conversation) for <paramref name="owner"/>'s claim
    /// on <paramref name="key"/>, after <paramref name="lateClaim"/> (a claim step still under way) has landed.
    /// </summary>
    public void Start(string key, string owner, DuplicateGuardEntry? outcome, TimeSpan window, TimeSpan claimExpiry, Task? lateClaim)
    {
        _pending.Enter();
        _ = WriteCountedAsync(key, owner, outcome, window, claimExpiry, lateClaim);
    }

    /// <summary>
    /// Gives each pending write one last try (a store that fails at once is not waited for: the host is stopping),
    /// and waits at most <paramref name="bound"/> for the ones awaiting the store's answer.
    /// </summary>
    public async Task DrainAsync(TimeSpan bound)
    {
        _stopping.Cancel();
        await _pending.WaitAsync(bound, timeProvider).ConfigureAwait(false);
    }

    private async Task WriteCountedAsync(string key, string owner, DuplicateGuardEntry? outcome, TimeSpan window, TimeSpan claimExpiry, Task? lateClaim)
    {
        try
        {
            await WriteAsync(key, owner, outcome, window, claimExpiry, lateClaim).ConfigureAwait(false);
        }
        finally
        {
            _pending.Exit();
        }
    }

    private async Task WriteAsync(string key, string owner, DuplicateGuardEntry? outcome, TimeSpan window, TimeSpan claimExpiry, Task? lateClaim)
    {
        var started = timeProvider.GetTimestamp();
        var worthFor = outcome is { State: DuplicateGuardState.Accepted or DuplicateGuardState.Unknown } ? window : claimExpiry;
        if (lateClaim is { IsCompleted: false })
        {
            // Settling before the claim lands would let the claim land after it, and stand until it expires.
            try
            {
                await lateClaim.WaitAsync(worthFor, timeProvider, _stopping.Token).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // However the claim step ended, the settle below decides by what the store holds.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }

        var retry = FirstRetry;
        while (true)
        {
            var left = worthFor - timeProvider.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                telemetry.GuardSettleAbandoned(worthFor);
                return;
            }

            var step = await gate.AskAsync(async () =>
            {
                await store.SettleAsync(key, owner, outcome, left, CancellationToken.None).ConfigureAwait(false);
                return true;
            }).ConfigureAwait(false);
            if (step.Answered)
            {
                return;
            }

            if (_stopping.IsCancellationRequested)
            {
                telemetry.GuardSettleAbandoned(timeProvider.GetElapsedTime(started));
                return;
            }

            try
            {
#if NET
                await Task.Delay(retry < left ? retry : left, timeProvider, _stopping.Token).ConfigureAwait(false);
#else
                await timeProvider.Delay(retry < left ? retry : left, _stopping.Token).ConfigureAwait(false);
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
