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
        // What ran out: the attempt's time, not the total budget, named as the caller set it (in code here).
        Assert.Contains("within the attempt's 2 s (EscalationOptions.Timeout, per attempt;", error.Message, StringComparison.Ordinal);
        Assert.Contains("budget (EscalationOptions.Retry.TotalBudget): the attempt ran out, not the budget.", error.Message, StringComparison.Ordinal);
        Assert.Single(Emulator.Requests);
        Assert.Single(Emulator.Escalations);
    }
}
