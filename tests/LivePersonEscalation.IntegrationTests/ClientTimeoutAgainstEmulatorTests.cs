using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LivePersonEscalation.IntegrationTests;

public sealed class ClientTimeoutAgainstEmulatorTests : EmulatorTest
{
    private readonly FakeTimeProvider _time = new();

    protected override EscalationEmulatorOptions EmulatorOptions => new() { TimeProvider = _time };

    [Fact]
    public async Task Server_slower_than_the_timeout_is_an_unknown_outcome_after_exactly_one_request()
    {
        Emulator.Script(EmulatorResponse.Accept().After(TimeSpan.FromSeconds(20)));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddLivePersonEscalation(o =>
        {
            o.Endpoint = Emulator.Endpoint;
            o.ApiAccessKey = Emulator.ApiAccessKey;
            o.Timeout = TimeSpan.FromSeconds(2);
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IEscalationClient>();

        var escalation = client.EscalateAsync(Request());
        await Emulator.WaitForEscalationsAsync(1, TimeSpan.FromSeconds(30));
        _time.Advance(TimeSpan.FromSeconds(2));
        var error = await Assert.ThrowsAsync<EscalationException>(() => escalation);

        Assert.Equal(EscalationFailureKind.Timeout, error.Kind);
        Assert.Equal(EscalationOutcome.Unknown, error.Outcome);
        Assert.Single(Emulator.Requests);
        Assert.Single(Emulator.Escalations);
    }
}
