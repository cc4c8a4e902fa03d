using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LivePersonEscalation.Tests.Configuration;

/// <summary>A named account's bad settings fail start-up naming the account, its configuration path and the variable that sets it.</summary>
public sealed class NamedAccountErrorTests
{
    private static async Task<OptionsValidationException> StartFailsAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLivePersonEscalation("brand-a", builder.Configuration.GetSection("LivePerson:Accounts:brand-a"));
        builder.Services.AddLivePersonEscalation("brand_b", builder.Configuration.GetSection("LivePerson:Accounts:brand_b"));
        using var host = builder.Build();
        return await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    [Fact]
    public async Task A_missing_key_names_the_account_its_path_and_its_own_environment_variable()
    {
        var error = await StartFailsAsync(new()
        {
            ["LivePerson:Accounts:brand-a:ApiAccessKey"] = TestData.ApiKey,
            ["LivePerson:Accounts:brand_b:Region"] = "Eu",
        });

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith("Account 'brand_b' (LivePerson:Accounts:brand_b): ", failure, StringComparison.Ordinal);
        Assert.Contains("LivePerson__Accounts__brand_b__ApiAccessKey", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("LivePerson__Escalation__", failure, StringComparison.Ordinal);
        Assert.Equal("brand_b", error.OptionsName);
    }

    [Fact]
    public async Task An_account_name_a_shell_cannot_set_says_how_to_set_it()
    {
        var error = await StartFailsAsync(new()
        {
            ["LivePerson:Accounts:brand-a:Region"] = "Eu",
            ["LivePerson:Accounts:brand_b:ApiAccessKey"] = TestData.ApiKey,
        });

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith("Account 'brand-a' (LivePerson:Accounts:brand-a): ", failure, StringComparison.Ordinal);
        Assert.Contains("env 'LivePerson__Accounts__brand-a__ApiAccessKey=…' dotnet run", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_region_of_a_named_account_names_its_path()
    {
        var error = await StartFailsAsync(new()
        {
            ["LivePerson:Accounts:brand-a:ApiAccessKey"] = TestData.ApiKey,
            ["LivePerson:Accounts:brand_b:ApiAccessKey"] = TestData.ApiKey,
            ["LivePerson:Accounts:brand_b:Region"] = "Europe",
        });

        Assert.Contains("Region 'Europe' is not a LivePerson region. Valid regions: Us, Eu, Apac, UsAutomation. Set at LivePerson:Accounts:brand_b:Region.", error.Message, StringComparison.Ordinal);
        Assert.Equal("brand_b", error.OptionsName);
    }
}
