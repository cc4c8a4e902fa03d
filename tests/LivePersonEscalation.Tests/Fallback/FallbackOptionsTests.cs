using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LivePersonEscalation.Tests.Fallback;

public sealed class FallbackOptionsTests
{
    private static async Task<string> StartFailureAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["LivePerson:Escalation:ApiAccessKey"] = TestData.ApiKey,
            ["LivePerson:Escalation:Skills:billing"] = "111",
            ["LivePerson:Escalation:Skills:general"] = "222",
        });
        builder.Services.AddLivePersonEscalation(builder.Configuration.GetSection(EscalationOptions.SectionName));
        using var host = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        return error.Message;
    }

    [Fact]
    public void The_fallback_settings_bind_from_configuration()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LivePerson:Escalation:ApiAccessKey"] = TestData.ApiKey,
            ["LivePerson:Escalation:Skills:billing"] = "111",
            ["LivePerson:Escalation:Skills:general"] = "222",
            ["LivePerson:Escalation:Fallback:Skills:billing"] = "general",
            ["LivePerson:Escalation:Fallback:MaxTransferFailures"] = "5",
            ["LivePerson:Escalation:Fallback:Window"] = "02:00:00",
        });
        builder.Services.AddLivePersonEscalation(builder.Configuration.GetSection(EscalationOptions.SectionName));
        using var host = builder.Build();

        var fallback = host.Services.GetRequiredService<IOptions<EscalationOptions>>().Value.Fallback;

        Assert.Equal("general", fallback.Skills["BILLING"]);
        Assert.Equal(5, fallback.MaxTransferFailures);
        Assert.Equal(TimeSpan.FromHours(2), fallback.Window);
    }

    [Fact]
    public async Task A_fallback_from_a_skill_that_is_not_configured_fails_start_naming_the_key()
    {
        var message = await StartFailureAsync(new() { ["LivePerson:Escalation:Fallback:Skills:biling"] = "general" });

        Assert.Contains("Fallback:Skills:biling names the skill 'biling', which is not in Skills (the skills are billing, general)", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fallback_to_a_skill_that_is_not_configured_fails_start_naming_the_key()
    {
        var message = await StartFailureAsync(new() { ["LivePerson:Escalation:Fallback:Skills:billing"] = "overflow" });

        Assert.Contains("Fallback:Skills:billing is 'overflow', which is not in Skills", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("11")]
    public async Task MaxTransferFailures_outside_1_to_10_fails_start(string value)
    {
        var message = await StartFailureAsync(new() { ["LivePerson:Escalation:Fallback:MaxTransferFailures"] = value });

        Assert.Contains("MaxTransferFailures", message, StringComparison.Ordinal);
        Assert.Contains("between 1 and 10", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:30")]
    [InlineData("00:00:10")]
    [InlineData("2.00:00:00")]
    public async Task A_fallback_window_not_longer_than_the_duplicate_window_or_over_a_day_fails_start(string window)
    {
        var message = await StartFailureAsync(new() { ["LivePerson:Escalation:Fallback:Window"] = window });

        Assert.Contains($"Fallback:Window is {TimeSpan.Parse(window, System.Globalization.CultureInfo.InvariantCulture)}, but must be longer than DuplicateGuard:Window (00:00:30)", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_fallback_setting_fails_start_naming_the_settings_there()
    {
        var message = await StartFailureAsync(new() { ["LivePerson:Escalation:Fallback:MaxFailures"] = "3" });

        Assert.Contains("LivePerson:Escalation:Fallback:MaxFailures is not a setting", message, StringComparison.Ordinal);
        Assert.Contains("MaxTransferFailures", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_skill_may_fall_back_to_itself()
    {
        var options = TestData.Options(o =>
        {
            o.Skills["billing"] = "111";
            o.Fallback.Skills["billing"] = "billing";
        });

        _ = new EscalationClient(new HttpClient(), options);
    }
}
