using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LivePersonEscalation.IntegrationTests;

// The README's code, verbatim, so it keeps compiling and doing what it says. (The dependency-injection block runs
// as written in a fresh `dotnet new worker`: eng/package-consumer/check.sh.)
public sealed class HandoffDialog(AgentHandoff agentHandoff)
{
    public async Task TransferAsync(IBotContext botContext, CancellationToken cancellationToken)
    {
        AgentHandoffResult handoff = await agentHandoff.HandOffAsync(
            botContext,
            new AgentHandoffRequest { TransferMessage = "Hold on while I transfer you to an agent.", AgentSkillName = "billing" },
            cancellationToken);

        if (!handoff.IsAccepted && handoff.UserAlreadyTold)
        {
            await botContext.SendMessageAsync("Sorry, I could not reach an agent. Please try again in a moment.", cancellationToken);
        }
    }
}

public sealed class ReadmeExamplesTests : EmulatorTest
{
    private IHost BuildHost()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LivePerson:Escalation:Endpoint"] = Emulator.Endpoint.ToString(),
            ["LivePerson:Escalation:ApiAccessKey"] = Emulator.ApiAccessKey,
            ["LivePerson:Escalation:Skills:billing"] = "1234567890",
        });
        builder.Services.AddLivePersonEscalation(builder.Configuration.GetSection(EscalationOptions.SectionName));
        builder.Services.AddTransient<HandoffDialog>();
        return builder.Build();
    }

    [Fact]
    public async Task The_handoff_example_tells_the_preview_user_when_the_escalation_fails()
    {
        using var host = BuildHost();
        await host.StartAsync();
        Emulator.Script(EmulatorResponse.Status(System.Net.HttpStatusCode.InternalServerError));
        var context = new InMemoryBotContext("web");

        await host.Services.GetRequiredService<HandoffDialog>().TransferAsync(context, CancellationToken.None);

        Assert.Equal(
            ["Hold on while I transfer you to an agent.", "Sorry, I could not reach an agent. Please try again in a moment."],
            context.SentMessages);
        await host.StopAsync();
    }

    [Fact]
    public async Task The_testing_example_records_the_escalation()
    {
        await using var emulator = await EscalationEmulator.StartAsync();
        var request = Request();

        var client = new EscalationClient(new EscalationOptions { Endpoint = emulator.Endpoint, ApiAccessKey = emulator.ApiAccessKey });
        await client.EscalateAsync(request);
        Assert.Single(await emulator.WaitForEscalationsAsync(1));
    }
}
