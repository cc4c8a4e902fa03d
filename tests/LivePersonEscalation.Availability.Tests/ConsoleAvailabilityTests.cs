using LivePersonEscalation.ConsoleSample;

namespace LivePersonEscalation.Availability.Tests;

/// <summary>The console's <c>availability</c> command: a table of each skill's shift and agents, on the embedded emulator or a given account.</summary>
public sealed class ConsoleAvailabilityTests
{
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await EscalationCommand.RunAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task With_no_account_it_prints_the_embedded_demo_accounts_skills_as_a_table()
    {
        var (exitCode, output, error) = await RunAsync("availability");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("skill", lines[1], StringComparison.Ordinal);
        Assert.Matches(@"^billing\s+123456\s+on\s+closes \d{4}-\d\d-\d\d \d\d:\d\d\s+2\s+1\s+0\s+4 min\s+\d+ s$", lines.Single(l => l.StartsWith("billing", StringComparison.Ordinal))); // a 200 s wait, rounded up
        Assert.Matches(@"^sales\s+234567\s+off\s+opens \d{4}-\d\d-\d\d \d\d:\d\d\s+0\s+0\s+0", lines.Single(l => l.StartsWith("sales", StringComparison.Ordinal)));
        Assert.Matches(@"^general\s+100200300\s+on\s+-\s+0\s+0\s+1", lines.Single(l => l.StartsWith("general", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task For_a_given_account_it_reads_that_accounts_apis_and_exits_1_naming_what_is_unknown()
    {
        await using var accountApis = await AccountApiEmulator.StartAsync();
        accountApis.SetShift("777", onShift: true);
        accountApis.SetAgents("777", online: 3);
        accountApis.Fail(AccountApi.SkillAvailability, 500);

        var (exitCode, output, error) = await RunAsync(
            "availability", "--account-id", accountApis.AccountId, "--domain-api", accountApis.DomainApi.ToString(),
            "--client-id", AccountApiEmulatorOptions.DefaultClientId, "--client-secret", AccountApiEmulatorOptions.DefaultClientSecret, "--skill", "support=777");

        Assert.Equal(1, exitCode);
        Assert.Matches(@"support\s+777\s+on\s+-\s+\?\s+\?\s+\?", output);
        Assert.Contains("skill 777: the agent counts are unknown: the Agent Manager Workspace API answered HTTP 500.", error, StringComparison.Ordinal);
        Assert.DoesNotContain(AccountApiEmulatorOptions.DefaultClientSecret, output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_without_credentials_exits_2_naming_the_settings()
    {
        var (exitCode, _, error) = await RunAsync("availability", "--account-id", "12345678", "--skill", "support=777");

        Assert.Equal(2, exitCode);
        Assert.Contains("LivePerson:Escalation:Availability:ClientId and LivePerson:Escalation:Availability:ClientSecret", error, StringComparison.Ordinal);
    }
}
