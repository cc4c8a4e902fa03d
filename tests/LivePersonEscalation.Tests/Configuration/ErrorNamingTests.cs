using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LivePersonEscalation.Tests.Configuration;

/// <summary>
/// Every error names what the caller actually used: the property for options built in code, the key and its
/// environment variable for options bound from configuration, and the account for a named one.
/// </summary>
public sealed class ErrorNamingTests
{
    [Fact]
    public void A_client_built_in_code_names_the_property_and_no_environment_variable()
    {
        var error = Assert.Throws<OptionsValidationException>(() => new EscalationClient(new EscalationOptions { ApiAccessKey = " ", Timeout = TimeSpan.Zero }));

        Assert.Contains(error.Failures, failure => failure.StartsWith("EscalationOptions.ApiAccessKey: required.", StringComparison.Ordinal));
        Assert.Contains(error.Failures, failure => failure.StartsWith("EscalationOptions.Timeout is 00:00:00", StringComparison.Ordinal));
        Assert.All(error.Failures, failure => Assert.DoesNotContain("environment variable", failure, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Options_bound_from_configuration_name_the_key_and_its_environment_variable()
    {
        using var host = Host(new() { ["LivePerson:Escalation:Region"] = "Us", ["LivePerson:Escalation:Retry:MaxAttempts"] = "0" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, failure => failure.StartsWith("LivePerson:Escalation:ApiAccessKey: required.", StringComparison.Ordinal)
            && failure.EndsWith("(environment variable LivePerson__Escalation__ApiAccessKey)", StringComparison.Ordinal));
        Assert.Contains(error.Failures, failure => failure.StartsWith("LivePerson:Escalation:Retry:MaxAttempts is 0", StringComparison.Ordinal)
            && failure.EndsWith("(environment variable LivePerson__Escalation__Retry__MaxAttempts)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("billing team")]
    [InlineData("billing.eu")]
    [InlineData("facturación")]
    public async Task A_skill_name_a_shell_variable_cannot_hold_is_named_whole_with_how_to_set_it(string skill)
    {
        using var host = Host(new() { ["LivePerson:Escalation:ApiAccessKey"] = TestData.ApiKey, [$"LivePerson:Escalation:Skills:{skill}"] = "abc" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith($"LivePerson:Escalation:Skills:{skill} is 'abc', but a LivePerson skill id is numeric", failure, StringComparison.Ordinal);
        Assert.EndsWith($"(LivePerson__Escalation__Skills__{skill} has a character a shell variable name cannot hold: set it with env, e.g. env 'LivePerson__Escalation__Skills__{skill}=…' dotnet run.)", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_skill_name_on_a_configured_client_says_which_key_and_variable_add_it()
    {
        using var host = Host(new() { ["LivePerson:Escalation:ApiAccessKey"] = TestData.ApiKey, ["LivePerson:Escalation:Skills:billing"] = "123" });
        var client = host.Services.GetRequiredService<IEscalationClient>();

        var error = await Assert.ThrowsAsync<EscalationException>(() => client.EscalateAsync(TestData.Request(r => r with { AgentSkillId = null, AgentSkillName = "support" })));

        Assert.Equal(EscalationFailureKind.UnknownSkill, error.Kind);
        Assert.Contains("'support' is not a skill in LivePerson:Escalation:Skills (known skills: billing), so nothing was sent.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Add it under LivePerson:Escalation:Skills (environment variable LivePerson__Escalation__Skills__support), or set AgentSkillId.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_account_configured_in_code_is_named_by_account_and_property()
    {
        var services = new ServiceCollection();
        services.AddLivePersonEscalation("brand-b", o => o.Timeout = TimeSpan.FromHours(1));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<EscalationOptions>>().Get("brand-b"));

        Assert.Contains(error.Failures, failure => failure.StartsWith("Account 'brand-b': EscalationOptions.Timeout is 01:00:00", StringComparison.Ordinal));
    }

    private static IHost Host(Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLivePersonEscalation(builder.Configuration.GetSection(EscalationOptions.SectionName));
        return builder.Build();
    }
}
