// The same escalation as a hand-written program would send it: one POST of a JSON body with a plain HttpClient.
// The package check publishes it with Native AOT beside the library's consumer, to compare size and cold start.
using System.Text;

if (args is not [var endpoint, var key])
{
    Console.Error.WriteLine("usage: RawConsumer <endpoint> <key>");
    return 2;
}

using var http = new HttpClient();
using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
{
    Content = new StringContent(
        $$"""{"userPlatformId":"consumer-user","chatBotId":"consumer-bot","message":"Hold on while I transfer you to an agent.","conversationId":"raw-{{Guid.NewGuid():N}}","agentSkillName":"","agentSkillId":"4242"}""",
        Encoding.UTF8,
        "application/json"),
};
request.Headers.TryAddWithoutValidation("Authorization", key);
using var response = await http.SendAsync(request);
return response.IsSuccessStatusCode ? 0 : 1;
