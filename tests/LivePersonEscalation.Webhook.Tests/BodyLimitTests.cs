using System.Net;
using System.Text;
using System.Text.Json;
using LivePersonEscalation.WebhookSample;

namespace LivePersonEscalation.Webhook.Tests;

/// <summary>A body fit for five short fields: anything larger is answered 413, saying what happened, and nothing is escalated.</summary>
public sealed class BodyLimitTests : WebhookOnEmulator
{
    [Theory]
    [InlineData(1024 * 1024, true)]
    [InlineData(64 * 1024, false)]
    [InlineData(40 * 1024 * 1024, true)]
    public async Task A_body_past_the_limit_is_answered_413_naming_the_limit(int bytes, bool withLength)
    {
        var padding = new string('x', bytes);
        var json = $$"""{"conversationId":"c-big","userPlatformId":"u","chatBotId":"b","channel":"lp_web","intent":"{{padding}}"}""";
        using HttpContent content = withLength
            ? new StringContent(json, Encoding.UTF8, "application/json")
            : new StreamedJson(json);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/escalations") { Content = content };
        request.Headers.Add("X-Webhook-Secret", WebhookHost.Secret);
        // As integrations send large bodies: the body follows only once the server asks for it (100-continue), so
        // the answer to a body refused by its length arrives before the client has written megabytes into a closed
        // connection.
        request.Headers.ExpectContinue = withLength;

        using var response = await Host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var title = problem.RootElement.GetProperty("title").GetString();
        Assert.Contains($"this webhook takes{(withLength ? " at most" : string.Empty)}", title, StringComparison.Ordinal);
        Assert.Contains(WebhookCall.MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), title, StringComparison.Ordinal);
        Assert.Empty(Emulator.Requests);
    }

    [Fact]
    public async Task A_call_within_the_limit_is_escalated()
    {
        using var response = await Host.Http.SendAsync(WebhookHost.Call("/escalations", new { conversationId = "c-small", userPlatformId = "u", chatBotId = "b", channel = "lp_web", intent = "billing_question" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(Emulator.Requests);
    }

    /// <summary>JSON sent chunked, with no Content-Length: the limit must hold while the body arrives.</summary>
    private sealed class StreamedJson : HttpContent
    {
        private readonly byte[] _bytes;

        public StreamedJson(string json)
        {
            _bytes = Encoding.UTF8.GetBytes(json);
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            await stream.WriteAsync(_bytes);

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
