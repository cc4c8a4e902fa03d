using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LivePersonEscalation.Webhook.Tests;

/// <summary>A bot's integration that hangs up mid-body is logged at Information: nothing pages anyone, nothing is sent.</summary>
public sealed class ClientGaveUpTests
{
    [Fact]
    public async Task A_caller_that_hangs_up_before_its_body_arrives_is_logged_as_information_not_as_an_error()
    {
        await using var emulator = await EscalationEmulator.StartAsync();
        await using var host = await WebhookHost.StartAsync(emulator, configure: services => services.AddFakeLogging());
        var logs = host.App.Services.GetFakeLogCollector();

        using (var socket = new TcpClient())
        {
            await socket.ConnectAsync(host.Http.BaseAddress!.Host, host.Http.BaseAddress.Port);
            var head = $"POST /escalations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nX-Webhook-Secret: {WebhookHost.Secret}\r\nContent-Length: 200\r\n\r\n{{\"conversationId\":\"c-";
            await socket.GetStream().WriteAsync(Encoding.ASCII.GetBytes(head));
            await socket.GetStream().FlushAsync();
        } // hangs up with 180 bytes still to come

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!logs.GetSnapshot().Any(r => r.Message.Contains("gave up before its body arrived", StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, "the webhook did not log the caller that gave up: " + string.Join(" | ", logs.GetSnapshot().Select(r => $"{r.Level} {r.Message}")));
            await Task.Delay(20);
        }

        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Level >= LogLevel.Error);
        Assert.Empty(emulator.Requests);
    }
}
