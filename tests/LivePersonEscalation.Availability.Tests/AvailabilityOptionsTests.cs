using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LivePersonEscalation.Availability.Tests;

/// <summary>LivePerson:Escalation:Availability binds, and every mistake fails start-up naming the setting, never a secret.</summary>
public sealed class AvailabilityOptionsTests
{
    private const string Secret = "s3cret-value-never-shown";

    private static Dictionary<string, string?> Settings(params (string Key, string? Value)[] availability)
    {
        var settings = new Dictionary<string, string?>
        {
            ["LivePerson:Escalation:ApiAccessKey"] = "test-api-key",
            ["LivePerson:Escalation:Skills:billing"] = "123456",
        };
        foreach (var (key, value) in availability)
        {
            settings["LivePerson:Escalation:Availability:" + key] = value;
        }

        return settings;
    }

    private static async Task<OptionsValidationException> StartFailsAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLivePersonEscalation(builder.Configuration.GetSection(EscalationOptions.SectionName)).AddSkillAvailability();
        using var host = builder.Build();
        return await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    [Fact]
    public void Every_availability_setting_binds_and_ToString_hides_the_secrets()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(Settings(
            ("AccountId", "12345678"),
            ("ClientId", "client-1"),
            ("ClientSecret", Secret),
            ("DomainApi", "http://127.0.0.1:5000/"),
            ("ShiftStatusService", "shiftStatusV2"),
            ("AgentsRefreshInterval", "00:00:30"),
            ("ShiftRefreshInterval", "00:05:00"),
            ("Timeout", "00:00:03"),
            ("WhenNoAgentsOnline", "TellUser")));
        builder.Services.AddLivePersonEscalation(builder.Configuration.GetSection(EscalationOptions.SectionName)).AddSkillAvailability();
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<SkillAvailabilityOptions>>().Value;

        Assert.True(options.IsEnabled);
        Assert.Equal("12345678", options.AccountId);
        Assert.Equal(new Uri("http://127.0.0.1:5000/"), options.DomainApi);
        Assert.Equal("shiftStatusV2", options.ShiftStatusService);
        Assert.Equal(TimeSpan.FromSeconds(30), options.AgentsRefreshInterval);
        Assert.Equal(TimeSpan.FromMinutes(5), options.ShiftRefreshInterval);
        Assert.Equal(TimeSpan.FromSeconds(3), options.Timeout);
        Assert.Equal(NoAgentsOnlineHandling.TellUser, options.WhenNoAgentsOnline);
        Assert.DoesNotContain(Secret, options.ToString(), StringComparison.Ordinal);
        Assert.True(host.Services.GetRequiredService<ISkillAvailabilitySnapshot>().IsEnabled);
    }

    [Fact]
    public async Task Without_an_account_availability_is_off_and_every_decision_is_not_checked()
    {
        var services = new ServiceCollection();
        services.AddLivePersonEscalation(o => o.ApiAccessKey = "test-api-key").AddSkillAvailability();
        using var provider = services.BuildServiceProvider();

        Assert.False(provider.GetRequiredService<ISkillAvailabilitySnapshot>().IsEnabled);
        var decision = await provider.GetRequiredService<ISkillAvailability>().DecideAsync(new EscalationRequest { ConversationId = "c", UserPlatformId = "u", ChatBotId = "b", AgentSkillId = "123456", Message = "m" });
        Assert.Equal(TransferDecisionKind.NotChecked, decision.Kind);
    }

    [Theory]
    [InlineData("ClientSecret", "LivePerson:Escalation:Availability:AccountId is set, but no credentials are")]
    [InlineData(null, "LivePerson:Escalation:Availability:ClientSecret is not set, but LivePerson:Escalation:Availability:ClientId is")]
    public async Task Missing_credentials_fail_start_up_naming_both_settings(string? drop, string expected)
    {
        var settings = Settings(("AccountId", "12345678"), ("ClientId", drop is null ? "client-1" : null), ("ClientSecret", null));
        var error = await StartFailsAsync(settings);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_made_in_code_are_named_by_their_property_and_a_named_account_by_its_name()
    {
        var services = new ServiceCollection();
        services.AddLivePersonEscalation("brand-b", o => o.ApiAccessKey = "test-api-key")
            .AddSkillAvailability(o => (o.AccountId, o.ClientId) = ("12345678", "client-1"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<SkillAvailabilityOptions>>().Get("brand-b"));

        Assert.Equal("Account 'brand-b': SkillAvailabilityOptions.ClientSecret is not set, but SkillAvailabilityOptions.ClientId is; set both.", error.Failures.Single());
    }

    [Fact]
    public async Task An_availability_section_without_the_package_registered_fails_start_up_naming_the_package()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(Settings(("AccountId", "12345678")));
        builder.Services.AddLivePersonEscalation(builder.Configuration.GetSection(EscalationOptions.SectionName));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Availability is set, but its package is not registered: add the LivePersonEscalation.Availability package and call .AddSkillAvailability()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_named_accounts_availability_section_without_the_package_fails_start_up_naming_the_account_and_its_key()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LivePerson:Accounts:brand-b:ApiAccessKey"] = "test-api-key",
            ["LivePerson:Accounts:brand-b:Availability:AccountId"] = "12345678",
        });
        builder.Services.AddLivePersonEscalation("brand-b", builder.Configuration.GetSection("LivePerson:Accounts:brand-b"));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(
            "Account 'brand-b' (LivePerson:Accounts:brand-b): LivePerson:Accounts:brand-b:Availability is set, but its package is not registered: add the LivePersonEscalation.Availability package and call .AddSkillAvailability() on the builder AddLivePersonEscalation returns.",
            error.Failures.Single());
    }

    [Fact]
    public async Task Both_kinds_of_credentials_fail_start_up()
    {
        var error = await StartFailsAsync(Settings(("AccountId", "12345678"), ("ClientId", "c"), ("ClientSecret", Secret), ("Username", "u"), ("Password", Secret)));

        Assert.Contains("keep one", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DomainApi", "http://api.liveperson.net/", "plain http on a non-loopback host")]
    [InlineData("DomainApi", "https://api.liveperson.net/api/", "scheme and host only")]
    [InlineData("AgentsRefreshInterval", "00:00:00.500", "Availability:AgentsRefreshInterval is 00:00:00.5000000, but must be between 00:00:01 and 01:00:00")]
    [InlineData("ShiftRefreshInterval", "02:00:00", "Availability:ShiftRefreshInterval is 02:00:00")]
    [InlineData("ShiftRefreshInterval", "15", "which .NET reads as 15 day(s)")]
    [InlineData("WhenNoAgentsOnline", "Refuse", "is 'Refuse', which is not one of QueueAnyway, TellUser")]
    [InlineData("AccountId", "le-12345", "a LivePerson account (site) id is numeric")]
    [InlineData("ShiftStatusService", "shift status", "a Domain API service name is letters and digits")]
    [InlineData("Timeut", "00:00:05", "LivePerson:Escalation:Availability:Timeut is not a setting")]
    [InlineData("QueueHealth:RefreshInterval", "00:00:05", "LivePerson:Escalation:Availability:QueueHealth:RefreshInterval is 00:00:05, but must be between 00:00:10 and 01:00:00")]
    [InlineData("QueueHealth:RefreshInterval", "60", "which .NET reads as 60 day(s)")]
    [InlineData("QueueHealth:Enabled", "yes", "LivePerson:Escalation:Availability:QueueHealth:Enabled is 'yes', which is not true or false.")]
    [InlineData("QueueHealth:Enable", "true", "LivePerson:Escalation:Availability:QueueHealth:Enable is not a setting of queue health")]
    [InlineData("DataReportingService", "le data", "a Domain API service name is letters and digits")]
    [InlineData("QueueHealth:AskUserAbove", "00:15:00", "LivePerson:Escalation:Availability:QueueHealth:AskUserAbove is set, but LivePerson:Escalation:Availability:QueueHealth:Enabled is not")]
    public async Task An_invalid_availability_setting_fails_start_up_naming_it(string key, string value, string expected)
    {
        var error = await StartFailsAsync(Settings(("AccountId", "12345678"), ("ClientId", "client-1"), ("ClientSecret", Secret), (key, value)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_line_break_in_the_secret_fails_start_up_without_echoing_it()
    {
        var error = await StartFailsAsync(Settings(("AccountId", "12345678"), ("ClientId", "client-1"), ("ClientSecret", Secret + "\nmore")));

        Assert.Contains("LivePerson:Escalation:Availability:ClientSecret contains a control character", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }
}
