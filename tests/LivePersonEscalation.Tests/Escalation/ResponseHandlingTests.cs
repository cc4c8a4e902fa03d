using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;

namespace LivePersonEscalation.Tests.Escalation;

public sealed class ResponseHandlingTests
{
    private readonly WireRecorder _wire = new();

    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.Created)]
    [InlineData(HttpStatusCode.Accepted)]
    [InlineData(HttpStatusCode.NoContent)]
    public async Task Escalate_treats_any_2xx_as_accepted(HttpStatusCode status)
    {
        _wire.Respond(status);

        var result = await _wire.CreateClient().EscalateAsync(TestData.Request());

        Assert.Equal(status, result.StatusCode);
        Assert.Equal(1, result.Attempts);
    }

    [Fact]
    public async Task Escalate_returns_the_raw_body_the_parsed_json_and_the_request_id()
    {
        _wire.Respond(HttpStatusCode.OK, """{"status":"ok","id":7}""", headers: ("X-Request-Id", "req-123"));

        var result = await _wire.CreateClient().EscalateAsync(TestData.Request());

        Assert.Equal("""{"status":"ok","id":7}""", result.Body);
        Assert.Equal(7, result.Json!.Value.GetProperty("id").GetInt32());
        Assert.Equal("req-123", result.RequestId);
        Assert.False(result.IsBodyTruncated);
    }

    [Fact]
    public async Task Escalate_reads_the_correlation_id_from_x_correlation_id_when_there_is_no_request_id()
    {
        _wire.Respond(HttpStatusCode.OK, "{}", headers: ("X-Correlation-Id", "corr-9"));

        var result = await _wire.CreateClient().EscalateAsync(TestData.Request());

        Assert.Equal("corr-9", result.RequestId);
    }

    [Fact]
    public async Task Escalate_with_a_non_json_2xx_body_is_still_accepted_and_keeps_the_text()
    {
        _wire.Respond(HttpStatusCode.OK, "<html>ok</html>", "text/html");

        var result = await _wire.CreateClient().EscalateAsync(TestData.Request());

        Assert.Equal("<html>ok</html>", result.Body);
        Assert.Null(result.Json);
    }

    [Fact]
    public async Task Escalate_reads_at_most_64_KiB_of_an_oversized_body()
    {
        _wire.Respond(HttpStatusCode.OK, "[" + new string('x', 200_000) + "]");

        var result = await _wire.CreateClient().EscalateAsync(TestData.Request());

        Assert.True(result.IsBodyTruncated);
        Assert.Equal(64 * 1024, result.Body.Length);
        Assert.Null(result.Json);
    }

    [Theory]
    [InlineData(401, EscalationFailureKind.Unauthorized, "API access key")]
    [InlineData(403, EscalationFailureKind.Unauthorized, "API access key")]
    [InlineData(404, EscalationFailureKind.EndpointNotFound, "Region")]
    [InlineData(400, EscalationFailureKind.Rejected, "AgentSkillId")]
    [InlineData(422, EscalationFailureKind.Rejected, "AgentSkillId")]
    [InlineData(429, EscalationFailureKind.RateLimited, "rate limiting")]
    [InlineData(503, EscalationFailureKind.ServiceUnavailable, "unavailable")]
    [InlineData(500, EscalationFailureKind.ServerError, "not re-sent")]
    [InlineData(502, EscalationFailureKind.ServerError, "not re-sent")]
    [InlineData(504, EscalationFailureKind.ServerError, "not re-sent")]
    [InlineData(302, EscalationFailureKind.UnexpectedResponse, "Endpoint")]
    public async Task Escalate_maps_each_error_status_to_an_actionable_kind(int status, EscalationFailureKind kind, string advice)
    {
        _wire.Respond((HttpStatusCode)status, """{"error":"nope"}""", headers: ("X-Request-Id", "req-err"));

        var error = await Assert.ThrowsAsync<EscalationException>(() => _wire.CreateClient(NoRetries).EscalateAsync(TestData.Request()));

        Assert.Equal(kind, error.Kind);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal("req-err", error.RequestId);
        Assert.Equal("""{"error":"nope"}""", error.ResponseBody);
        Assert.Equal(1, error.Attempts);
        Assert.Contains(advice, error.Message, StringComparison.Ordinal);
        Assert.Contains($"HTTP {status}", error.Message, StringComparison.Ordinal);
        Assert.Single(_wire.Requests);
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(503, false)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    public async Task Escalate_reports_whether_the_outcome_is_unknown(int status, bool unknown)
    {
        _wire.Respond((HttpStatusCode)status);

        var error = await Assert.ThrowsAsync<EscalationException>(() => _wire.CreateClient(NoRetries).EscalateAsync(TestData.Request()));

        Assert.Equal(unknown, (error.Outcome == EscalationOutcome.Unknown));
    }

    [Fact]
    public async Task Escalate_failure_names_the_region_host_so_the_reader_knows_where_it_went()
    {
        _wire.Respond(HttpStatusCode.Unauthorized);

        var error = await Assert.ThrowsAsync<EscalationException>(() =>
            _wire.CreateClient(o => o.Region = LivePersonRegion.Eu).EscalateAsync(TestData.Request()));

        Assert.Contains("region Eu (platformservice-eu.botcentralapi.com)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Escalate_failure_caps_the_body_excerpt_at_4_KiB()
    {
        _wire.Respond(HttpStatusCode.BadRequest, new string('e', 20_000), "text/plain");

        var error = await Assert.ThrowsAsync<EscalationException>(() => _wire.CreateClient().EscalateAsync(TestData.Request()));

        Assert.Equal(EscalationException.MaxResponseBodyLength + 1, error.ResponseBody!.Length); // + the ellipsis
        Assert.True(error.Message.Length < 2_000);
    }

    [Fact]
    public async Task Escalate_failure_redacts_an_api_key_echoed_by_the_server()
    {
        _wire.Respond(HttpStatusCode.Unauthorized, $$"""{"error":"bad key {{TestData.ApiKey}}"}""");

        var error = await Assert.ThrowsAsync<EscalationException>(() => _wire.CreateClient().EscalateAsync(TestData.Request()));

        Assert.DoesNotContain(TestData.ApiKey, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestData.ApiKey, error.ResponseBody, StringComparison.Ordinal);
        Assert.DoesNotContain(TestData.ApiKey, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("bad key ***", error.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Escalate_reports_a_refused_connection_as_not_sent()
    {
        _wire.Throw(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused", new SocketException((int)SocketError.ConnectionRefused)));

        var error = await Assert.ThrowsAsync<EscalationException>(() => _wire.CreateClient(NoRetries).EscalateAsync(TestData.Request()));

        Assert.Equal(EscalationFailureKind.ConnectionFailed, error.Kind);
        Assert.NotEqual(EscalationOutcome.Unknown, error.Outcome);
        Assert.Contains("Could not connect", error.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task Escalate_reports_a_connection_lost_after_sending_as_an_unknown_outcome()
    {
        _wire.Throw(new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."));

        var error = await Assert.ThrowsAsync<EscalationException>(() => _wire.CreateClient().EscalateAsync(TestData.Request()));

        Assert.Equal(EscalationFailureKind.ConnectionLost, error.Kind);
        Assert.Equal(EscalationOutcome.Unknown, error.Outcome);
        Assert.Contains("closed before a response", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Escalate_that_gets_no_response_within_the_timeout_fails_with_an_unknown_outcome()
    {
        var time = new FakeTimeProvider();
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _wire.Hang(arrived);
        var client = CreateClient(time, o => o.Timeout = TimeSpan.FromSeconds(5));

        var escalation = client.EscalateAsync(TestData.Request());
        await arrived.Task;
        time.Advance(TimeSpan.FromSeconds(5));
        var error = await Assert.ThrowsAsync<EscalationException>(() => escalation);

        Assert.Equal(EscalationFailureKind.Timeout, error.Kind);
        Assert.Equal(EscalationOutcome.Unknown, error.Outcome);
        Assert.Contains("within the attempt's 5 s", error.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(5), error.Elapsed);
        Assert.Single(_wire.Requests);
    }

    [Fact]
    public async Task Escalate_cancelled_by_the_caller_throws_operation_cancelled_not_an_escalation_failure()
    {
        using var cancellation = new CancellationTokenSource();
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _wire.Hang(arrived);
        var client = _wire.CreateClient();

        var escalation = client.EscalateAsync(TestData.Request(), cancellation.Token);
        await arrived.Task;
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => escalation);
    }

    [Fact]
    public async Task Escalate_measures_elapsed_time_on_the_time_provider()
    {
        var time = new FakeTimeProvider();
        _wire.Intercept(_ =>
        {
            time.Advance(TimeSpan.FromMilliseconds(250));
            return Task.CompletedTask;
        });

        var result = await CreateClient(time).EscalateAsync(TestData.Request());

        Assert.Equal(TimeSpan.FromMilliseconds(250), result.Elapsed);
    }

    private static void NoRetries(EscalationOptions options) => options.Retry.MaxAttempts = 1;

    private IEscalationClient CreateClient(TimeProvider time, Action<EscalationOptions>? configure = null) =>
        _wire.CreateRegisteredClient(time, configure);

    [Fact]
    public async Task Escalate_answered_408_is_not_blamed_on_the_skill_id_and_was_not_accepted()
    {
        _wire.Respond(HttpStatusCode.RequestTimeout);

        var error = await Assert.ThrowsAsync<EscalationException>(() => _wire.CreateClient(NoRetries).EscalateAsync(TestData.Request()));

        Assert.NotEqual(EscalationFailureKind.Rejected, error.Kind);
        Assert.DoesNotContain("skill", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(EscalationOutcome.Unknown, error.Outcome);
    }

    [Fact]
    public async Task A_tls_failure_says_its_cause_not_see_inner_exception()
    {
        _wire.Throw(new HttpRequestException(
            HttpRequestError.SecureConnectionError,
            "The SSL connection could not be established, see inner exception.",
            new System.Security.Authentication.AuthenticationException("The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot")));

        var error = await Assert.ThrowsAsync<EscalationException>(() => _wire.CreateClient(NoRetries).EscalateAsync(TestData.Request()));

        Assert.Equal(EscalationFailureKind.ConnectionFailed, error.Kind);
        Assert.Contains("The SSL connection could not be established: The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("see inner exception", error.Message, StringComparison.Ordinal);
    }
}
