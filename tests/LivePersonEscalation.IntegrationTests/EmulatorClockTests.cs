using System.Net;

namespace LivePersonEscalation.IntegrationTests;

public sealed class EmulatorClockTests : EmulatorTest
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = new();

    protected override EscalationEmulatorOptions EmulatorOptions => new() { TimeProvider = _time };

    [Fact]
    public async Task Waiting_for_escalations_that_never_come_times_out_with_the_counts()
    {
        var waiting = Emulator.WaitForEscalationsAsync(2, TimeSpan.FromSeconds(5));

        _time.Advance(TimeSpan.FromSeconds(5));
        var error = await Assert.ThrowsAsync<TimeoutException>(() => waiting);

        Assert.Contains("Expected 2 escalation(s) within 00:00:05, but the emulator accepted 0 (of 0 request(s))", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emulator_only_listens_on_loopback()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            EscalationEmulator.StartAsync(new EscalationEmulatorOptions { Address = IPAddress.Any }));

        Assert.Contains("loopback", error.Message, StringComparison.Ordinal);
    }
}
