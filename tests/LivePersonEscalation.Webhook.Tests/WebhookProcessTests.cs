using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LivePersonEscalation.Webhook.Tests;

/// <summary>The webhook run as its README says (its own process, the embedded emulators): the demo account's off-shift and on-shift skills.</summary>
public sealed class WebhookProcessTests
{
    [Fact]
    public async Task Run_as_the_readme_says_it_answers_an_off_shift_skill_with_opensAt_and_an_on_shift_one_accepted()
    {
        var process = Processes.Start("LivePersonEscalation.Webhook", ["--urls", "http://127.0.0.1:0", "--Webhook:Secret", "s"]);
        try
        {
            var address = await ListeningAddressAsync(process);
            using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };

            var off = await PostAsync(http, "buy_product", "c-sales");
            var on = await PostAsync(http, "billing_question", "c-billing");

            Assert.False(off.GetProperty("accepted").GetBoolean());
            Assert.True(off.GetProperty("outOfHours").GetBoolean());
            Assert.True(DateTimeOffset.TryParse(off.GetProperty("opensAt").GetString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var opens));
            Assert.InRange(opens - DateTimeOffset.UtcNow, TimeSpan.Zero, TimeSpan.FromHours(1));
            Assert.True(on.GetProperty("accepted").GetBoolean());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await Processes.EndAsync(process);
        }
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, string intent, string conversationId)
    {
        using var request = WebhookHost.Call("/escalations", new { conversationId, userPlatformId = "u-1", chatBotId = "b-1", channel = "lp_web", intent }, secret: "s");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The address from ASP.NET Core's "Now listening on:" line, read for at most a minute.</summary>
    private static async Task<string> ListeningAddressAsync(System.Diagnostics.Process process)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(bound.Token) is { } line)
        {
            const string Marker = "Now listening on: ";
            var at = line.IndexOf(Marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                return line[(at + Marker.Length)..].Trim();
            }
        }

        throw new InvalidOperationException("The webhook ended before it listened.");
    }
}
