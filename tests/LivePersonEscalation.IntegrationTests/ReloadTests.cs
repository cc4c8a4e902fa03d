using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace LivePersonEscalation.IntegrationTests;

/// <summary>Options bound from an appsettings.json on disk follow its changes while the host runs.</summary>
public sealed class ReloadTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lpe-reload-").FullName;
    private EscalationEmulator _before = null!;
    private EscalationEmulator _after = null!;

    private string SettingsFile => Path.Combine(_folder, "appsettings.json");

    public async Task InitializeAsync()
    {
        _before = await EscalationEmulator.StartAsync(new EscalationEmulatorOptions { ApiAccessKey = "key-before-rotation" });
        _after = await EscalationEmulator.StartAsync(new EscalationEmulatorOptions { ApiAccessKey = "key-after-rotation" });
    }

    public async Task DisposeAsync()
    {
        await _before.DisposeAsync();
        await _after.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private void Write(Uri endpoint, string key, string skillId, string extra = "") => File.WriteAllText(SettingsFile, $$"""
        { "LivePerson": { "Escalation": { "Endpoint": "{{endpoint}}", "ApiAccessKey": "{{key}}", "Skills": { "billing": "{{skillId}}" }{{extra}} } } }
        """);

    [Fact]
    public async Task A_rotated_key_and_moved_endpoint_in_the_json_file_reach_the_wire_and_an_invalid_change_keeps_them()
    {
        Write(_before.Endpoint, "key-before-rotation", "111");
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddJsonFile(SettingsFile, optional: false, reloadOnChange: true);
        builder.Services.AddLivePersonEscalation(builder.Configuration.GetSection(EscalationOptions.SectionName));
        builder.Services.AddFakeLogging();
        using var host = builder.Build();
        await host.StartAsync();
        var logs = host.Services.GetFakeLogCollector();
        var client = host.Services.GetRequiredService<IEscalationClient>();

        await client.EscalateAsync(TestRequests.ForSkillName("conv-before"));
        Write(_after.Endpoint, "key-after-rotation", "222");
        await WaitForLogAsync(logs, "Escalation settings reloaded");

        await client.EscalateAsync(TestRequests.ForSkillName("conv-after"));
        var repeated = await client.EscalateAsync(TestRequests.ForSkillName("conv-before") with { AgentSkillName = null, AgentSkillId = "111" });

        Assert.Equal("111", Assert.Single(_before.Escalations).AgentSkillId);
        Assert.Equal("222", Assert.Single(_after.Escalations).AgentSkillId); // the new key, the new endpoint, the new skills
        Assert.True(repeated.IsDeduplicated); // the duplicate guard's state survived the reload

        Write(_after.Endpoint, "key-after-rotation", "333", extra: ", \"Timeout\": \"15\"");
        var rejected = await WaitForLogAsync(logs, "LivePerson:Escalation:Timeout is '15'");
        await client.EscalateAsync(TestRequests.ForSkillName("conv-after-invalid"));

        Assert.Equal(LogLevel.Error, rejected.Level);
        Assert.StartsWith("The reloaded escalation settings are invalid, so the last valid ones stay in use: LivePerson:Escalation:Timeout is '15', which .NET reads as 15 day(s)", rejected.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("key-after-rotation", rejected.Message, StringComparison.Ordinal);
        Assert.Equal("222", _after.Escalations[^1].AgentSkillId); // the last valid settings
        await host.StopAsync();
    }

    private static async Task<FakeLogRecord> WaitForLogAsync(FakeLogCollector logs, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var record = logs.GetSnapshot().LastOrDefault(r => r.Message.Contains(text, StringComparison.Ordinal));
            if (record is not null)
            {
                return record;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no log '{text}' within 30 s");
            await Task.Delay(50);
        }
    }
}
