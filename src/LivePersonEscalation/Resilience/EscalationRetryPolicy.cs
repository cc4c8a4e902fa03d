using System.Net;
using Polly;
using Polly.Retry;

namespace LivePersonEscalation;

/// <summary>
/// The retry pipeline (Polly) for a non-idempotent POST: it retries only outcomes that prove the escalation was not
/// accepted (no connection could be made; HTTP 429 or 503), waits the server's <c>Retry-After</c> or a jittered
/// exponential backoff, and stops when attempts run out or the next delay would end beyond the time budget,
/// recording why. Built once per registration.
/// </summary>
internal sealed class EscalationRetryPolicy
{
    private static readonly ResiliencePropertyKey<EscalationCall> CallKey = new("LivePersonEscalation.Call");

    // netstandard2.0's HttpStatusCode has no TooManyRequests.
    private const HttpStatusCode TooManyRequests = (HttpStatusCode)429;

    private readonly ResiliencePipeline<AttemptResponse> _pipeline;
    private readonly EscalationSettings _settings;
    private readonly TimeProvider _timeProvider;

    public EscalationRetryPolicy(EscalationSettings settings, TimeProvider timeProvider, EscalationTelemetry telemetry)
    {
        _settings = settings;
        _timeProvider = timeProvider;
        _pipeline = new ResiliencePipelineBuilder<AttemptResponse> { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions<AttemptResponse>
            {
                // The count and the budget are enforced in ShouldRetry, which can then say why it stopped.
                MaxRetryAttempts = int.MaxValue,
                ShouldHandle = ShouldRetry,
                DelayGenerator = static args => new ValueTask<TimeSpan?>(args.Context.Properties.GetValue(CallKey, null!).NextDelay),
                OnRetry = args =>
                {
                    telemetry.Retrying(args.AttemptNumber + 1, ReasonOf(args.Outcome), args.RetryDelay);
                    return default;
                },
            })
            .Build();
    }

    public async Task<Outcome<AttemptResponse>> ExecuteAsync(
        EscalationCall call,
        Func<EscalationCall, CancellationToken, Task<AttemptResponse>> attempt,
        CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(CallKey, call);
        try
        {
            return await _pipeline.ExecuteOutcomeAsync(
                static async (context, state) =>
                {
                    try
                    {
                        state.Call.Attempts++;
                        return Outcome.FromResult(await state.Attempt(state.Call, context.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception ex)
                    {
                        return Outcome.FromException<AttemptResponse>(ex);
                    }
                },
                context,
                (Call: call, Attempt: attempt)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private ValueTask<bool> ShouldRetry(RetryPredicateArguments<AttemptResponse> args)
    {
        var call = args.Context.Properties.GetValue(CallKey, null!);
        if (!ProvesNotAccepted(args.Outcome, out var asked))
        {
            return new ValueTask<bool>(false);
        }

        if (call.Attempts >= _settings.MaxAttempts)
        {
            call.StopReason = $"no retry left after {call.Attempts} attempt(s) (Retry:MaxAttempts is {_settings.MaxAttempts})";
            return new ValueTask<bool>(false);
        }

        var delay = asked ?? Backoff(args.AttemptNumber);
        var elapsed = _timeProvider.GetElapsedTime(call.Started);
        if (elapsed + delay > _settings.RetryBudget)
        {
            call.StopReason = asked is null
                ? $"the next retry, in {delay.TotalSeconds:0.###} s, would end beyond the {_settings.RetryBudget.TotalSeconds:0.###} s budget (Retry:TotalBudget)"
                : $"the server asked to retry in {delay.TotalSeconds:0.###} s (Retry-After), beyond the {_settings.RetryBudget.TotalSeconds:0.###} s budget (Retry:TotalBudget)";
            return new ValueTask<bool>(false);
        }

        call.NextDelay = delay;
        return new ValueTask<bool>(true);
    }

    /// <summary>
    /// True only for outcomes that prove LivePerson did not accept the escalation: no connection could be made, or it
    /// answered 429 or 503. <paramref name="retryAfter"/> is the delay the server asked for, if it did.
    /// </summary>
    private bool ProvesNotAccepted(Outcome<AttemptResponse> outcome, out TimeSpan? retryAfter)
    {
        retryAfter = null;
        if (outcome.Exception is HttpRequestException transport)
        {
            return TransportErrors.IsConnectFailure(transport);
        }

        if (outcome.Result is { StatusCode: TooManyRequests or HttpStatusCode.ServiceUnavailable } response)
        {
            retryAfter = response.RetryAfter?.DelayFrom(_timeProvider.GetUtcNow());
            return true;
        }

        return false;
    }

    private static string ReasonOf(Outcome<AttemptResponse> outcome) =>
        outcome.Result is { } response ? $"http_{(int)response.StatusCode}" : "connection_failed";

    /// <summary>Exponential backoff with "equal jitter": half the step fixed, half random, so callers spread out.</summary>
    private TimeSpan Backoff(int attemptNumber)
    {
        var step = _settings.RetryBaseDelay.Ticks * Math.Pow(2, Math.Min(attemptNumber, 30));
        var capped = Math.Min(step, _settings.RetryMaxDelay.Ticks);
        return TimeSpan.FromTicks((long)((capped / 2) + (Jitter.NextDouble() * capped / 2)));
    }
}
