using Microsoft.Extensions.DependencyInjection;

namespace LivePersonEscalation.IntegrationTests;

/// <summary>Several LivePerson accounts in one host: each its own key, region or endpoint, guard and handler pipeline.</summary>
public sealed class AccountsTests : IAsyncLifetime
{
    private EscalationEmulator _brandA = null!;
    private EscalationEmulator _brandB = null!;
    private EscalationEmulator _single = null!;

    public async Task InitializeAsync()
    {
        _brandA = await EscalationEmulator.StartAsync(new EscalationEmulatorOptions { ApiAccessKey = "key-of-brand-a" });
        _brandB = await EscalationEmulator.StartAsync(new EscalationEmulatorOptions { ApiAccessKey = "key-of-brand-b" });
        _single = await EscalationEmulator.StartAsync(new EscalationEmulatorOptions { ApiAccessKey = "key-of-the-single-account" });
    }

    public async Task DisposeAsync()
    {
        await _brandA.DisposeAsync();
        await _brandB.DisposeAsync();
        await _single.DisposeAsync();
    }

    private ServiceCollection Services(Action<IHttpClientBuilder>? brandA = null)
    {
        var services = new ServiceCollection();
        var a = services.AddLivePersonEscalation("brand-a", o =>
        {
            o.Endpoint = _brandA.Endpoint;
            o.ApiAccessKey = _brandA.ApiAccessKey;
            o.Skills["billing"] = "111";
        });
        brandA?.Invoke(a);
        services.AddLivePersonEscalation("brand-b", o =>
        {
            o.Endpoint = _brandB.Endpoint;
            o.ApiAccessKey = _brandB.ApiAccessKey;
            o.Skills["billing"] = "222";
        });
        return services;
    }

    [Fact]
    public async Task Two_keyed_accounts_escalate_each_to_its_own_endpoint_with_its_own_key_and_skills()
    {
        await using var provider = Services().BuildServiceProvider();

        await provider.GetRequiredKeyedService<IEscalationClient>("brand-a").EscalateAsync(TestRequests.ForSkillName("conv-a"));
        await provider.GetRequiredKeyedService<IEscalationClient>("brand-b").EscalateAsync(TestRequests.ForSkillName("conv-b"));

        var a = Assert.Single(_brandA.Escalations);
        var b = Assert.Single(_brandB.Escalations);
        Assert.Equal(("conv-a", "111"), (a.ConversationId, a.AgentSkillId));
        Assert.Equal(("conv-b", "222"), (b.ConversationId, b.AgentSkillId));
        Assert.All(_brandA.Requests.Concat(_brandB.Requests), r => Assert.True(r.AuthorizationMatched));
    }

    [Fact]
    public async Task Accounts_never_share_a_duplicate_guard()
    {
        await using var provider = Services().BuildServiceProvider();

        var onA = await provider.GetRequiredKeyedService<IEscalationClient>("brand-a").EscalateAsync(TestRequests.ForSkillName("conv-shared"));
        var onB = await provider.GetRequiredKeyedService<IEscalationClient>("brand-b").EscalateAsync(TestRequests.ForSkillName("conv-shared"));
        var againOnA = await provider.GetRequiredKeyedService<IEscalationClient>("brand-a").EscalateAsync(TestRequests.ForSkillName("conv-shared"));

        Assert.False(onA.IsDeduplicated);
        Assert.False(onB.IsDeduplicated);
        Assert.True(againOnA.IsDeduplicated);
        Assert.Single(_brandA.Requests);
        Assert.Single(_brandB.Requests);
    }

    [Fact]
    public async Task Accounts_never_share_a_handler_pipeline()
    {
        var counted = 0;
        await using var provider = Services(a => a.AddHttpMessageHandler(() => new CountingHandler(() => Interlocked.Increment(ref counted)))).BuildServiceProvider();

        await provider.GetRequiredKeyedService<IEscalationClient>("brand-b").EscalateAsync(TestRequests.ForSkillName("conv-b"));
        var afterB = counted;
        await provider.GetRequiredKeyedService<IEscalationClient>("brand-a").EscalateAsync(TestRequests.ForSkillName("conv-a"));

        Assert.Equal(0, afterB);
        Assert.Equal(1, counted);
    }

    [Fact]
    public async Task A_class_takes_its_account_with_from_keyed_services_and_hands_off_through_it()
    {
        var services = Services();
        services.AddTransient<BrandBSupport>();
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<BrandBSupport>().Handoff.HandOffAsync(
            new InMemoryBotContext("lp_web") { ConversationId = "conv-handoff", UserPlatformId = "u", ChatBotId = "b" },
            new AgentHandoffRequest { TransferMessage = "One moment.", AgentSkillName = "billing" });

        Assert.True(result.IsAccepted);
        Assert.Equal("222", Assert.Single(_brandB.Escalations).AgentSkillId);
        Assert.Empty(_brandA.Requests);
    }

    [Fact]
    public async Task The_unnamed_registration_works_beside_named_accounts_with_its_own_settings()
    {
        var services = Services();
        services.AddLivePersonEscalation(o =>
        {
            o.Endpoint = _single.Endpoint;
            o.ApiAccessKey = _single.ApiAccessKey;
            o.Skills["billing"] = "333";
        });
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IEscalationClient>().EscalateAsync(TestRequests.ForSkillName("conv-shared"));
        await provider.GetRequiredKeyedService<IEscalationClient>("brand-a").EscalateAsync(TestRequests.ForSkillName("conv-shared"));

        Assert.Equal("333", Assert.Single(_single.Escalations).AgentSkillId);
        Assert.Equal("111", Assert.Single(_brandA.Escalations).AgentSkillId);
    }

    [Fact]
    public void A_named_account_with_invalid_settings_fails_at_start_naming_the_setting()
    {
        var services = new ServiceCollection();
        services.AddLivePersonEscalation("brand-c", o => o.Endpoint = _brandA.Endpoint);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredKeyedService<IEscalationClient>("brand-c"));

        Assert.Equal("brand-c", error.OptionsName);
        Assert.Contains("ApiAccessKey", error.Message, StringComparison.Ordinal);
    }
}
