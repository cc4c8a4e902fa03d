using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LivePersonEscalation.Tests.Availability;

/// <summary>LivePerson:Escalation:Availability binds, and every mistake fails start-up naming the setting, never a secret.</summary>
public sealed class AvailabilityOptionsTests
{
    private const string Secret = "s3cret-value-never-shown";

    private static Dictionary<string, string?> Settings(params (string Key, string? Value)[] availability)
    {
        var settings = new Dictionary<string, string?>
        {
            ["LivePerson:Escalation:ApiAccessKey"] = TestData.ApiKey,
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
        builder.Services.AddLivePersonEscalation(builder.Configuration.GetSection(EscalationOptions.SectionName));
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
        builder.Services.AddLivePersonEscalation(builder.Configuration.GetSection(EscalationOptions.SectionName));
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<EscalationOptions>>().Value.Availability;

        Assert.True(options.IsEnabled);
        Assert.Equal("12345678", options.AccountId);
        Assert.Equal(new Uri("http://127.0.0.1:5000/"), options.DomainApi);
        Assert.Equal("shiftStatusV2", options.ShiftStatusService);
        Assert.Equal(TimeSpan.FromSeconds(30), options.AgentsRefreshInterval);
        Assert.Equal(TimeSpan.FromMinutes(5), options.ShiftRefreshInterval);
        Assert.Equal(TimeSpan.FromSeconds(3), options.Timeout);
        Assert.Equal(NoAgentsOnlineHandling.TellUser, options.WhenNoAgentsOnline);
        Assert.DoesNotContain(Secret, options.ToString(), StringComparison.Ordinal);
        Assert.True(host.Services.GetRequiredService<ISkillAvailability>().IsEnabled);
    }

    [Fact]
    public void Without_an_account_availability_is_off_and_every_decision_is_not_checked()
    {
        var services = new ServiceCollection();
        services.AddLivePersonEscalation(o => o.ApiAccessKey = TestData.ApiKey);
        using var provider = services.BuildServiceProvider();

        Assert.False(provider.GetRequiredService<ISkillAvailability>().IsEnabled);
    }

    [Theory]
    [InlineData("ClientSecret", "Availability:AccountId is set, but no credentials are")]
    [InlineData(null, "Availability:ClientSecret is not set, but Availability:ClientId is")]
    public async Task Missing_credentials_fail_start_up_naming_both_settings(string? drop, string expected)
    {
        var settings = Settings(("AccountId", "12345678"), ("ClientId", drop is null ? "client-1" : null), ("ClientSecret", null));
        var error = await StartFailsAsync(settings);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
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

        Assert.Contains("Availability:ClientSecret contains a control character", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }
}
