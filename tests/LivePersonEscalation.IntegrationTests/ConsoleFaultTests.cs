using System.Diagnostics;
using System.Net;
using LivePersonEscalation.ConsoleSample;

namespace LivePersonEscalation.IntegrationTests;

/// <summary>The console against faults on a loopback server: exit codes, request counts, and what it says.</summary>
public sealed class ConsoleFaultTests : EmulatorTest
{
    private static async Task<(int ExitCode, string Output, string Error, TimeSpan Took)> RunAsync(Uri endpoint, string apiKey, params string[] more)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var stopwatch = Stopwatch.StartNew();
        string[] args =
        [
            "--endpoint", endpoint.ToString(), "--api-key", apiKey, "--skill-id", "123",
            "--conversation-id", "c", "--user-platform-id", "u", "--chatbot-id", "b", "--channel", "lp_sms", .. more,
        ];
        var exitCode = await EscalationCommand.RunAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString(), stopwatch.Elapsed);
    }

    private Task<(int ExitCode, string Output, string Error, TimeSpan Took)> RunAsync(params string[] more) =>
        RunAsync(Emulator.Endpoint, Emulator.ApiAccessKey, more);

    [Fact]
    public async Task Server_error_exits_1_after_exactly_one_request()
    {
        Emulator.Script(EmulatorResponse.Status(HttpStatusCode.InternalServerError));

        var (exitCode, _, error, _) = await RunAsync();

        Assert.Equal(1, exitCode);
        Assert.StartsWith("error: LivePerson failed while handling the escalation (HTTP 500", error, StringComparison.Ordinal);
        Assert.Single(Emulator.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task Busy_with_retry_after_1_then_accepted_exits_0_after_exactly_two_requests(HttpStatusCode status)
    {
        Emulator.Script(EmulatorResponse.Status(status).WithRetryAfter(TimeSpan.FromSeconds(1)));

        var (exitCode, output, _, _) = await RunAsync();

        Assert.Equal(0, exitCode);
        Assert.Contains("2. Request, attempt 2", output, StringComparison.Ordinal);
        Assert.Equal(2, Emulator.Requests.Count);
        Assert.Single(Emulator.Escalations);
    }

    [Fact]
    public async Task Connection_closed_without_a_response_exits_1_after_exactly_one_request()
    {
        Emulator.Script(EmulatorResponse.Abort());

        var (exitCode, _, error, _) = await RunAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains("connection", error.Split('\n')[0], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("closed before a response", error, StringComparison.Ordinal);
        Assert.Single(Emulator.Requests);
    }

    [Fact]
    public async Task Server_slower_than_the_timeout_exits_1_within_a_few_seconds_after_one_request()
    {
        Emulator.Script(EmulatorResponse.Accept().After(TimeSpan.FromSeconds(20)));

        var (exitCode, _, error, took) = await RunAsync("--timeout", "2");

        Assert.Equal(1, exitCode);
        Assert.Contains("the attempt ran out", error.Split('\n')[0], StringComparison.Ordinal);
        Assert.InRange(took, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(10));
        Assert.Single(Emulator.Requests);
    }

    [Fact]
    public async Task Nothing_listening_exits_1_within_a_minute_saying_it_could_not_connect()
    {
        var (exitCode, _, error, took) = await RunAsync(new Uri($"http://127.0.0.1:{LoopbackServer.UnusedPort()}/"), "key");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("error: Could not connect", error, StringComparison.Ordinal);
        Assert.Contains("attempts: 4", error, StringComparison.Ordinal);
        Assert.True(took < TimeSpan.FromSeconds(60), $"took {took}");
    }
}
