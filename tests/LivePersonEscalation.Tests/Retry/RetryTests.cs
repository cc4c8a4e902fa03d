using System.Net;
using System.Net.Sockets;
using RichardSzalay.MockHttp;

namespace LivePersonEscalation.Tests.Retry;

public sealed class RetryTests
{
    private static readonly TimeSpan AttemptTimeout = EscalationOptions.DefaultTimeout;

    private readonly WireRecorder _wire = new();
    private readonly SteppedClock _clock = new();

    private IEscalationClient Client(Action<EscalationOptions>? configure = null) => _wire.CreateRegisteredClient(_clock, configure);

    /// <summary>Answers each request with the next scripted step; the last one repeats.</summary>
    private void Script(params Func<HttpResponseMessage>[] steps)
    {
        var next = 0;
        Func<HttpRequestMessage, HttpResponseMessage> respond = _ => steps[Math.Min(Interlocked.Increment(ref next) - 1, steps.Length - 1)]();
        _wire.Handler.Fallback.Respond(respond);
    }

    private static Func<HttpResponseMessage> Status(HttpStatusCode status, string? retryAfter = null) => () =>
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent("{}") };
        if (retryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }

        return response;
    };

    private static HttpRequestException Refused() =>
        new(HttpRequestError.ConnectionError, "Connection refused", new SocketException((int)SocketError.ConnectionRefused));

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task Answer_that_proves_no_acceptance_is_retried_after_the_retry_after_seconds(HttpStatusCode status)
    {
        Script(Status(status, "2"), Status(HttpStatusCode.OK));

        var escalation = Client().EscalateAsync(TestData.Request());
        var waited = await _clock.ElapseNextDelayAsync(AttemptTimeout);
        var result = await escalation;

        Assert.Equal(TimeSpan.FromSeconds(2), waited);
        Assert.Equal(2, _wire.Requests.Count);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(2), result.Elapsed);
        Assert.Equal(_wire.Requests[0].BodyText, _wire.Requests[1].BodyText);
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_is_honoured()
    {
        var at = _clock.GetUtcNow().AddSeconds(7).ToString("r");
        Script(Status(HttpStatusCode.TooManyRequests, at), Status(HttpStatusCode.OK));

        var escalation = Client().EscalateAsync(TestData.Request());
        var waited = await _clock.ElapseNextDelayAsync(AttemptTimeout);
        await escalation;

        Assert.Equal(TimeSpan.FromSeconds(7), waited);
        Assert.Equal(2, _wire.Requests.Count);
    }

    [Fact]
    public async Task Without_retry_after_the_backoff_is_jittered_around_the_base_delay()
    {
        Script(Status(HttpStatusCode.ServiceUnavailable), Status(HttpStatusCode.OK));

        var escalation = Client(o => o.Retry.BaseDelay = TimeSpan.FromSeconds(1)).EscalateAsync(TestData.Request());
        var waited = await _clock.ElapseNextDelayAsync(AttemptTimeout);
        await escalation;

        Assert.InRange(waited, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_refused_connection_is_retried_because_nothing_was_sent()
    {
        var calls = 0;
        _wire.Intercept(_ => Interlocked.Increment(ref calls) == 1 ? Task.FromException(Refused()) : Task.CompletedTask);

        var escalation = Client().EscalateAsync(TestData.Request());
        await _clock.ElapseNextDelayAsync(AttemptTimeout);
        var result = await escalation;

        Assert.Equal(2, result.Attempts);
        Assert.Equal(2, _wire.Requests.Count);
    }

    [Fact]
    public async Task Connection_refused_every_time_stops_after_max_attempts_and_says_so()
    {
        _wire.Throw(Refused());

        var escalation = Client().EscalateAsync(TestData.Request());
        for (var retry = 0; retry < 3; retry++)
        {
            await _clock.ElapseNextDelayAsync(AttemptTimeout);
        }

        var error = await Assert.ThrowsAsync<EscalationException>(() => escalation);
        Assert.Equal(EscalationFailureKind.ConnectionFailed, error.Kind);
        Assert.Equal(4, error.Attempts);
        Assert.Equal(4, _wire.Requests.Count);
        Assert.Contains("no retry left after 4 attempt(s) (Retry:MaxAttempts is 4)", error.Message, StringComparison.Ordinal);
        Assert.Contains("not sent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backoff_stops_when_the_next_delay_would_end_beyond_the_budget()
    {
        _wire.Respond(HttpStatusCode.ServiceUnavailable);

        var escalation = Client(o =>
        {
            o.Retry.TotalBudget = TimeSpan.FromSeconds(2);
            o.Retry.BaseDelay = TimeSpan.FromSeconds(1.5);
        }).EscalateAsync(TestData.Request());
        await _clock.ElapseNextDelayAsync(AttemptTimeout);

        var error = await Assert.ThrowsAsync<EscalationException>(() => escalation);
        Assert.Equal(EscalationFailureKind.ServiceUnavailable, error.Kind);
        Assert.Equal(2, _wire.Requests.Count);
        Assert.Contains("beyond the 2 s budget (Retry:TotalBudget)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_after_beyond_the_budget_is_not_waited_for()
    {
        _wire.Respond(HttpStatusCode.TooManyRequests, headers: ("Retry-After", "120"));

        var error = await Assert.ThrowsAsync<EscalationException>(() => Client().EscalateAsync(TestData.Request()));

        Assert.Equal(EscalationFailureKind.RateLimited, error.Kind);
        Assert.Single(_wire.Requests);
        Assert.Contains("the server asked to retry in 120 s (Retry-After), beyond the 30 s budget", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task Answers_that_may_follow_an_acceptance_are_never_retried(HttpStatusCode status)
    {
        _wire.Respond(status, headers: ("Retry-After", "1"));

        await Assert.ThrowsAsync<EscalationException>(() => Client().EscalateAsync(TestData.Request()));

        Assert.Single(_wire.Requests);
    }

    [Fact]
    public async Task A_connection_lost_after_sending_is_never_retried()
    {
        _wire.Throw(new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."));

        var error = await Assert.ThrowsAsync<EscalationException>(() => Client().EscalateAsync(TestData.Request()));

        Assert.Equal(EscalationFailureKind.ConnectionLost, error.Kind);
        Assert.Single(_wire.Requests);
    }

    [Fact]
    public async Task A_timeout_after_sending_is_never_retried()
    {
        var arrived = new TaskCompletionSource();
        _wire.Hang(arrived);

        var escalation = Client().EscalateAsync(TestData.Request());
        await arrived.Task;
        _clock.Advance(AttemptTimeout);
        var error = await Assert.ThrowsAsync<EscalationException>(() => escalation);

        Assert.Equal(EscalationFailureKind.Timeout, error.Kind);
        Assert.Single(_wire.Requests);
    }

    [Fact]
    public async Task Max_attempts_of_one_turns_retries_off()
    {
        _wire.Respond(HttpStatusCode.ServiceUnavailable, headers: ("Retry-After", "1"));

        var error = await Assert.ThrowsAsync<EscalationException>(() => Client(o => o.Retry.MaxAttempts = 1).EscalateAsync(TestData.Request()));

        Assert.Single(_wire.Requests);
        Assert.Contains("no retry left after 1 attempt(s)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_during_a_retry_delay_stops_promptly_without_another_request()
    {
        _wire.Respond(HttpStatusCode.ServiceUnavailable, headers: ("Retry-After", "10"));
        using var cancellation = new CancellationTokenSource();

        var escalation = Client().EscalateAsync(TestData.Request(), cancellation.Token);
        await _clock.NextDelayAsync(AttemptTimeout);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => escalation);
        Assert.Single(_wire.Requests);
    }
}
