using LivePersonEscalation.WorkerSample;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LivePersonEscalation.IntegrationTests;

public sealed class WorkerSampleTests : EmulatorTest
{
    [Fact]
    public async Task Worker_host_resolves_the_client_through_di_and_escalates_the_demo_conversation()
    {
        var builder = WorkerHost.CreateBuilder(["--Demo:ExportTelemetry=false"], Emulator);
        using var host = builder.Build();

        await host.StartAsync();
        var recorded = Assert.Single(await Emulator.WaitForEscalationsAsync(1));
        await host.WaitForShutdownAsync();

        Assert.Equal("worker-demo-conversation", recorded.ConversationId);
        Assert.Equal("123456", recorded.AgentSkillId); // "billing" mapped through appsettings.json Skills
        Assert.Equal("Hold on while I transfer you to a billing agent.", recorded.Message);
        Assert.IsType<EscalationClient>(host.Services.GetRequiredService<IEscalationClient>());
    }

    [Fact]
    public void A_configured_region_or_endpoint_means_no_emulator()
    {
        var withRegion = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["LivePerson:Escalation:Region"] = "Eu" }).Build();
        var empty = new ConfigurationBuilder().Build();

        Assert.True(WorkerHost.HasTarget(withRegion));
        Assert.False(WorkerHost.HasTarget(empty));
    }
}
