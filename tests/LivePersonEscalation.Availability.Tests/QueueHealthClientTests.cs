using System.Net;
using LivePersonEscalation.Availability.Internal;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;

namespace LivePersonEscalation.Availability.Tests;

/// <summary>The queue-health call as it goes on the wire and what is read of its answer, against MockHttp.</summary>
public sealed class QueueHealthClientTests
{
    private const string Domain = "https://api.liveperson.net/";

    [Fact]
    public async Task One_request_asks_for_every_skill_with_the_bearer_token_and_reads_the_wait_after_transfer()
    {
        var http = Answering(HttpStatusCode.OK, """
            { "skillsMetrics": {
                "0123": { "time": 1, "unassignedConversations": 4, "avgWaitTimeForAgentAssignment_NewConversation": 9000, "avgWaitTimeForAgentAssignment_AfterTransfer": 95000, "waitTimeForAgentAssignment_50thPercentile": 1000 },
                "777": { "avgWaitTimeForAgentAssignment_AfterTransfer": -1 } },
              "metricsTotal": { "unassignedConversations": 4 } }
            """);
        var client = Client(http);

        var metrics = await client.GetQueueHealthAsync(["0123", "777"], CancellationToken.None);

        Assert.Equal(95000, metrics["123"].AverageWaitAfterTransferMs); // the id as LivePerson's other answers name it
        Assert.Equal(-1, metrics["777"].AverageWaitAfterTransferMs);
        http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task A_429_keeps_its_status_and_retry_after_for_the_snapshot_to_wait()
    {
        var http = Answering((HttpStatusCode)429, "{}", retryAfter: TimeSpan.FromSeconds(120));

        var error = await Assert.ThrowsAsync<AccountApiException>(() => Client(http).GetQueueHealthAsync(["0123", "777"], CancellationToken.None));

        Assert.Equal((HttpStatusCode)429, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
        Assert.Equal("the Messaging Current Queue Health API answered HTTP 429.", error.Message);
    }

    private static MockHttpMessageHandler Answering(HttpStatusCode status, string body, TimeSpan? retryAfter = null)
    {
        var http = new MockHttpMessageHandler(BackendDefinitionBehavior.Always); // the lookups and the token around the one expected call
        http.When(HttpMethod.Get, Domain + "api/account/12345678/service/sentinel/baseURI.json?version=1.0")
            .Respond("application/json", """{ "baseURI": "sentinel.liveperson.net" }""");
        http.When(HttpMethod.Get, Domain + "api/account/12345678/service/leDataReporting/baseURI.json?version=1.0")
            .Respond("application/json", """{ "baseURI": "va.data.liveperson.net" }""");
        http.When(HttpMethod.Post, "https://sentinel.liveperson.net/sentinel/api/v2/account/12345678/app/token")
            .Respond("application/json", """{ "access_token": "token-1", "expires_in": 3600 }""");
        http.Expect(HttpMethod.Get, "https://va.data.liveperson.net/operations/api/account/12345678/msgqueuehealth/current/")
            .WithExactQueryString("skillIds=0123%2C777&v=1")
            .With(request => request.Headers.Authorization?.ToString() == "Bearer token-1")
            .Respond(_ =>
            {
                var response = new HttpResponseMessage(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
                if (retryAfter is { } wait)
                {
                    response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(wait);
                }

                return response;
            });
        http.Fallback.Respond(request => new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request });
        return http;
    }

    private static AccountApiClient Client(MockHttpMessageHandler http)
    {
        var options = new SkillAvailabilityOptions { AccountId = "12345678", ClientId = "client", ClientSecret = "secret" };
        var escalation = new EscalationOptions { ApiAccessKey = "k", Skills = { ["billing"] = "0123", ["general"] = "777" } };
        var client = new HttpClient(http);
        return new AccountApiClient(() => client, new AvailabilitySettings(options, escalation), new FakeTimeProvider());
    }
}
