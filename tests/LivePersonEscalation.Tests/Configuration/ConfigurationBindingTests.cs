using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LivePersonEscalation.Tests.Configuration;

public sealed class ConfigurationBindingTests
{
    private static IHost BuildHost(Dictionary<string, string?> settings, WireRecorder? wire = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        var http = builder.Services.AddLivePersonEscalation(builder.Configuration.GetSection(EscalationOptions.SectionName));
        if (wire is not null)
        {
            http.ConfigurePrimaryHttpMessageHandler(wire.CreateHandler);
        }

        return builder.Build();
    }

    [Fact]
    public void Every_setting_binds_from_the_LivePerson_Escalation_section()
    {
        using var host = BuildHost(new()
        {
            ["LivePerson:Escalation:Region"] = "Eu",
            ["LivePerson:Escalation:Endpoint"] = "http://127.0.0.1:5999/botservice-0.1/botcentral/livePersonAgent",
            ["LivePerson:Escalation:ApiAccessKey"] = TestData.ApiKey,
            ["LivePerson:Escalation:Timeout"] = "00:00:07",
            ["LivePerson:Escalation:Skills:billing"] = "111",
            ["LivePerson:Escalation:Skills:sales"] = "222",
        });

        var options = host.Services.GetRequiredService<IOptions<EscalationOptions>>().Value;

        Assert.Equal(LivePersonRegion.Eu, options.Region);
        Assert.Equal(new Uri("http://127.0.0.1:5999/botservice-0.1/botcentral/livePersonAgent"), options.Endpoint);
        Assert.Equal(TestData.ApiKey, options.ApiAccessKey);
        Assert.Equal(TimeSpan.FromSeconds(7), options.Timeout);
        Assert.Equal("111", options.Skills["BILLING"]);
        Assert.Equal("222", options.Skills["sales"]);
    }

    [Theory]
    [InlineData("eu", LivePersonRegion.Eu)]
    [InlineData("APAC", LivePersonRegion.Apac)]
    [InlineData("usautomation", LivePersonRegion.UsAutomation)]
    public void Region_names_bind_case_insensitively(string value, LivePersonRegion expected)
    {
        using var host = BuildHost(new()
        {
            ["LivePerson:Escalation:Region"] = value,
            ["LivePerson:Escalation:ApiAccessKey"] = TestData.ApiKey,
        });

        Assert.Equal(expected, host.Services.GetRequiredService<IOptions<EscalationOptions>>().Value.Region);
    }

    [Theory]
    [InlineData("Europe")]
    [InlineData("7")]
    [InlineData("us-east")]
    public async Task Unknown_region_fails_host_start_listing_the_valid_regions(string region)
    {
        using var host = BuildHost(new()
        {
            ["LivePerson:Escalation:Region"] = region,
            ["LivePerson:Escalation:ApiAccessKey"] = TestData.ApiKey,
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains($"Region '{region}' is not a LivePerson region. Valid regions: Us, Eu, Apac, UsAutomation.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Misspelt_setting_fails_host_start_instead_of_being_ignored()
    {
        using var host = BuildHost(new()
        {
            ["LivePerson:Escalation:ApiAccesKey"] = TestData.ApiKey,
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("LivePerson:Escalation:ApiAccesKey is not a setting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_api_key_fails_host_start_not_the_first_escalation()
    {
        using var host = BuildHost(new() { ["LivePerson:Escalation:Region"] = "Us" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ApiAccessKey: required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_key_from_an_environment_variable_is_used()
    {
        var wire = new WireRecorder();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        Environment.SetEnvironmentVariable("LPESC_TEST_LivePerson__Escalation__ApiAccessKey", "env-key-1");
        try
        {
            builder.Configuration.AddEnvironmentVariables("LPESC_TEST_");
            builder.Services
                .AddLivePersonEscalation(builder.Configuration.GetSection(EscalationOptions.SectionName))
                .ConfigurePrimaryHttpMessageHandler(wire.CreateHandler);
            using var host = builder.Build();
            await host.StartAsync();

            await host.Services.GetRequiredService<IEscalationClient>().EscalateAsync(TestData.Request());

            Assert.Equal("env-key-1", wire.Sent.Headers["Authorization"]);
            await host.StopAsync();
        }
        finally
        {
            Environment.SetEnvironmentVariable("LPESC_TEST_LivePerson__Escalation__ApiAccessKey", null);
        }
    }

    [Fact]
    public void Unknown_keys_fail_start_naming_their_configuration_path_and_the_settings_there()
    {
        using var host = BuildHost(new()
        {
            ["LivePerson:Escalation:ApiAccessKey"] = TestData.ApiKey,
            ["LivePerson:Escalation:Colour"] = "blue",
            ["LivePerson:Escalation:Retry:MaxAtempts"] = "2",
            ["LivePerson:Escalation:Skills:anything-goes"] = "123",
        });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<EscalationOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith("LivePerson:Escalation:Colour is not a setting", StringComparison.Ordinal) && f.Contains("ApiAccessKey, Availability, DuplicateGuard, Endpoint", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("LivePerson:Escalation:Retry:MaxAtempts is not a setting", StringComparison.Ordinal) && f.Contains("MaxAttempts", StringComparison.Ordinal));
        Assert.Equal(2, error.Failures.Count());
        Assert.DoesNotContain("LivePersonEscalation.EscalationOptions", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DuplicateGuard:RefuseWhenStoreUnavailable", "Refuse", "LivePerson:Escalation:DuplicateGuard:RefuseWhenStoreUnavailable is 'Refuse', which is not true or false.")]
    [InlineData("DuplicateGuard:AllowRepeatsWhenOutcomeUnknown", "7", "LivePerson:Escalation:DuplicateGuard:AllowRepeatsWhenOutcomeUnknown is '7', which is not true or false.")]
    [InlineData("Timeout", "15", "LivePerson:Escalation:Timeout is '15', which .NET reads as 15 day(s); write it as hh:mm:ss, e.g. 00:00:15 for 15 seconds.")]
    [InlineData("Fallback:Window", "an hour", "LivePerson:Escalation:Fallback:Window is 'an hour', which is not a time span; write it as hh:mm:ss")]
    public async Task A_value_that_cannot_mean_what_it_says_fails_start_naming_its_path_and_the_form_that_works(string setting, string value, string expected)
    {
        using var host = BuildHost(new()
        {
            ["LivePerson:Escalation:ApiAccessKey"] = TestData.ApiKey,
            [$"LivePerson:Escalation:{setting}"] = value,
        });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        Assert.IsType<OptionsValidationException>(error);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
