using LivePersonEscalation.Testing;

namespace LivePersonEscalation.Benchmarks;

/// <summary>Where the load test's emulator runs: in a process of its own (the default) or in this one.</summary>
internal abstract class EmulatorHost : IAsyncDisposable
{
    public abstract Uri Endpoint { get; }

    /// <summary>Starts an emulator that checks requests against <see cref="SampleData.ApiKey"/>.</summary>
    public static async Task<EmulatorHost> StartAsync(bool inProcess) =>
        inProcess
            ? new InProcess(await EscalationEmulator.StartAsync(new EscalationEmulatorOptions { ApiAccessKey = SampleData.ApiKey }))
            : await EmulatorProcess.StartAsync(SampleData.ApiKey);

    /// <summary>Forgets what the emulator recorded, so its memory stays flat across runs.</summary>
    public abstract Task ResetAsync();

    public abstract ValueTask DisposeAsync();

    private sealed class InProcess(EscalationEmulator emulator) : EmulatorHost
    {
        public override Uri Endpoint => emulator.Endpoint;

        public override Task ResetAsync()
        {
            emulator.Reset();
            return Task.CompletedTask;
        }

        public override ValueTask DisposeAsync() => emulator.DisposeAsync();
    }
}
