namespace LivePersonEscalation.IntegrationTests;

/// <summary>A fresh emulator on a free 127.0.0.1 port per test class instance (xunit makes one per test).</summary>
public abstract class EmulatorTest : IAsyncLifetime
{
    protected EscalationEmulator Emulator { get; private set; } = null!;

    protected virtual EscalationEmulatorOptions EmulatorOptions => new();

    public async Task InitializeAsync() => Emulator = await EscalationEmulator.StartAsync(EmulatorOptions);

    public virtual async Task DisposeAsync() => await Emulator.DisposeAsync();

    protected EscalationClient CreateClient(Action<EscalationOptions>? configure = null)
    {
        var options = new EscalationOptions { Endpoint = Emulator.Endpoint, ApiAccessKey = Emulator.ApiAccessKey };
        configure?.Invoke(options);
        return new EscalationClient(new HttpClient(), options);
    }

    protected static EscalationRequest Request(string conversationId = "conv-1") =>
        TestRequests.For(conversationId, skillId: "98765") with { AgentSkillName = "Billing" };
}
