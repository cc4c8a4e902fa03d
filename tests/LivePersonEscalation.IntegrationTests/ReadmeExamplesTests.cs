using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LivePersonEscalation.IntegrationTests;

// The README's code, verbatim, so it keeps compiling and doing what it says.
public sealed class Escalator(IEscalationClient client)
{
    public async Task<EscalationResult> EscalateAsync(string conversationId, string userPlatformId, string chatBotId, CancellationToken cancellationToken)
    {
        return await client.EscalateAsync(new EscalationRequest
        {
            UserPlatformId = userPlatformId,
            ChatBotId = chatBotId,
            ConversationId = conversationId,
            AgentSkillName = "billing",          // resolved through LivePerson:Escalation:Skills
            Message = "Hold on while I transfer you to an agent.",
        }, cancellationToken);
    }
}

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
        builder.Services.AddTransient<Escalator>();
        builder.Services.AddTransient<HandoffDialog>();
        return builder.Build();
    }

    [Fact]
    public async Task The_dependency_injection_example_escalates_by_skill_name()
    {
        using var host = BuildHost();
        await host.StartAsync();

        await host.Services.GetRequiredService<Escalator>().EscalateAsync("conv-readme", "upid", "bot", CancellationToken.None);

        Assert.Equal("1234567890", Assert.Single(Emulator.Escalations).AgentSkillId);
        await host.StopAsync();
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
