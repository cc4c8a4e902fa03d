namespace LivePersonEscalation.Webhook.Tests;

/// <summary>Tests that each get an escalation emulator and the webhook in front of it, disposed host first.</summary>
public abstract class WebhookOnEmulator : IAsyncLifetime
{
    protected EscalationEmulator Emulator { get; private set; } = null!;

    protected WebhookHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await EscalationEmulator.StartAsync();
        Host = await WebhookHost.StartAsync(Emulator);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
