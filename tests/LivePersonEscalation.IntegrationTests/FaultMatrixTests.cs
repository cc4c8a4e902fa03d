using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace LivePersonEscalation.IntegrationTests;

/// <summary>
/// Each fault, through the real client and a real loopback socket: the outcome, the kind, and the exact number of
/// requests the emulator received. An escalation whose outcome is unknown is never sent twice.
/// </summary>
public sealed class FaultMatrixTests : EmulatorTest
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(5);

    private readonly SteppedClock _clock = new();
    private ServiceProvider? _provider;

    protected override EscalationEmulatorOptions EmulatorOptions => new() { TimeProvider = new Microsoft.Extensions.Time.Testing.FakeTimeProvider() };

    private IEscalationClient Client(Uri? endpoint = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddLivePersonEscalation(o =>
        {
            o.Endpoint = endpoint ?? Emulator.Endpoint;
            o.ApiAccessKey = Emulator.ApiAccessKey;
            o.Timeout = AttemptTimeout;
        });
        _provider = services.BuildServiceProvider();
        return _provider.GetRequiredService<IEscalationClient>();
    }

    public override async Task DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    [Fact]
    public async Task Connection_refused_is_retried_then_reported_as_not_sent()
    {
        var client = Client(new Uri($"http://127.0.0.1:{LoopbackServer.UnusedPort()}/"));

        var escalation = client.EscalateAsync(Request());
        for (var retry = 0; retry < 3; retry++)
        {
            await _clock.ElapseNextDelayAsync(AttemptTimeout);
        }

        var error = await Assert.ThrowsAsync<EscalationException>(() => escalation);
        Assert.Equal(EscalationFailureKind.ConnectionFailed, error.Kind);
        Assert.Equal(4, error.Attempts);
        Assert.NotEqual(EscalationOutcome.Unknown, error.Outcome);
        Assert.Empty(Emulator.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Busy_answer_with_retry_after_then_accepted_takes_exactly_two_requests(HttpStatusCode status)
    {
        Emulator.Script(EmulatorResponse.Status(status).WithRetryAfter(TimeSpan.FromSeconds(1)), EmulatorResponse.Accept());

        var escalation = Client().EscalateAsync(Request());
        Assert.Equal(TimeSpan.FromSeconds(1), await _clock.ElapseNextDelayAsync(AttemptTimeout));
        var result = await escalation;

        Assert.Equal(2, result.Attempts);
        Assert.Equal(2, Emulator.Requests.Count);
        Assert.Single(Emulator.Escalations);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, EscalationFailureKind.ServerError, true)]
    [InlineData(HttpStatusCode.BadGateway, EscalationFailureKind.ServerError, true)]
    [InlineData(HttpStatusCode.Unauthorized, EscalationFailureKind.Unauthorized, false)]
    [InlineData(HttpStatusCode.NotFound, EscalationFailureKind.EndpointNotFound, false)]
    public async Task Error_answers_are_reported_after_exactly_one_request(HttpStatusCode status, EscalationFailureKind kind, bool unknown)
    {
        Emulator.Script(EmulatorResponse.Status(status).WithRetryAfter(TimeSpan.FromSeconds(1)));

        var error = await Assert.ThrowsAsync<EscalationException>(() => Client().EscalateAsync(Request()));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(unknown, (error.Outcome == EscalationOutcome.Unknown));
        Assert.Single(Emulator.Requests);
    }

    [Fact]
    public async Task Timeout_after_sending_is_an_unknown_outcome_after_exactly_one_request()
    {
        Emulator.Script(EmulatorResponse.Accept().After(TimeSpan.FromSeconds(20)));

        var escalation = Client().EscalateAsync(Request());
        await Emulator.WaitForEscalationsAsync(1, TimeSpan.FromSeconds(30));
        _clock.Advance(AttemptTimeout);
        var error = await Assert.ThrowsAsync<EscalationException>(() => escalation);

        Assert.Equal(EscalationFailureKind.Timeout, error.Kind);
        Assert.Equal(EscalationOutcome.Unknown, error.Outcome);
        Assert.Single(Emulator.Requests);
    }

    [Fact]
    public async Task Connection_aborted_before_the_response_is_an_unknown_outcome_after_exactly_one_request()
    {
        Emulator.Script(EmulatorResponse.Abort());

        var error = await Assert.ThrowsAsync<EscalationException>(() => Client().EscalateAsync(Request()));

        Assert.Equal(EscalationFailureKind.ConnectionLost, error.Kind);
        Assert.Equal(EscalationOutcome.Unknown, error.Outcome);
        Assert.Single(Emulator.Requests);
    }

    [Fact]
    public async Task Oversized_accepted_body_is_read_up_to_64_KiB_after_exactly_one_request()
    {
        Emulator.Script(EmulatorResponse.Status(HttpStatusCode.OK, new string('x', 1024 * 1024), "text/plain"));

        var result = await Client().EscalateAsync(Request());

        Assert.True(result.IsBodyTruncated);
        Assert.Equal(64 * 1024, result.Body.Length);
        Assert.Single(Emulator.Requests);
    }

    [Fact]
    public async Task Malformed_json_in_an_accepted_answer_is_still_an_acceptance_after_exactly_one_request()
    {
        Emulator.Script(EmulatorResponse.Status(HttpStatusCode.OK, "{\"status\": acc"));

        var result = await Client().EscalateAsync(Request());

        Assert.Equal("{\"status\": acc", result.Body);
        Assert.Null(result.Json);
        Assert.Single(Emulator.Requests);
    }
}
