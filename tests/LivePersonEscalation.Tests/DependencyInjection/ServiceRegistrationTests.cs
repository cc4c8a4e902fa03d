using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LivePersonEscalation.Tests.DependencyInjection;

public sealed class ServiceRegistrationTests
{
    [Fact]
    public async Task Registered_client_is_a_typed_client_from_the_http_client_factory()
    {
        var wire = new WireRecorder();
        var services = new ServiceCollection();
        var builder = services.AddLivePersonEscalation(o => o.ApiAccessKey = TestData.ApiKey);
        builder.ConfigurePrimaryHttpMessageHandler(wire.CreateHandler);
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IEscalationClient>();
        await client.EscalateAsync(TestData.Request());

        Assert.IsType<EscalationClient>(client);
        Assert.Equal(LivePersonEscalationServiceCollectionExtensions.HttpClientName, builder.Name);
        Assert.Single(wire.Requests);
    }

    [Fact]
    public void Each_overload_returns_the_builder_of_the_same_named_client()
    {
        var services = new ServiceCollection();

        var fromAction = services.AddLivePersonEscalation(o => o.ApiAccessKey = TestData.ApiKey);
        var plain = services.AddLivePersonEscalation();

        Assert.Equal(fromAction.Name, plain.Name);
    }

    [Fact]
    public void The_builder_carries_the_account_it_configures()
    {
        var services = new ServiceCollection();

        var unnamed = services.AddLivePersonEscalation(o => o.ApiAccessKey = TestData.ApiKey);
        var named = services.AddLivePersonEscalation("brand-a", o => o.ApiAccessKey = TestData.ApiKey);

        Assert.Equal(Microsoft.Extensions.Options.Options.DefaultName, unnamed.AccountName);
        Assert.Equal("brand-a", named.AccountName);
        Assert.Equal("LivePersonEscalation:brand-a", named.Name);
    }

    [Fact]
    public async Task Registering_twice_adds_each_validator_once()
    {
        var once = new ServiceCollection();
        once.AddLivePersonEscalation(o => o.ApiAccessKey = TestData.ApiKey);
        var twice = new ServiceCollection();
        twice.AddLivePersonEscalation(o => o.ApiAccessKey = TestData.ApiKey);
        twice.AddLivePersonEscalation();
        await using var onceProvider = once.BuildServiceProvider();
        await using var twiceProvider = twice.BuildServiceProvider();

        var validators = twiceProvider.GetServices<IValidateOptions<EscalationOptions>>().Select(v => v.GetType()).ToList();
        Assert.Equal(onceProvider.GetServices<IValidateOptions<EscalationOptions>>().Count(), validators.Count);
        Assert.Equal(validators.Count, validators.Distinct().Count());
    }

    [Fact]
    public async Task Invalid_options_fail_host_start()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLivePersonEscalation(o =>
        {
            o.ApiAccessKey = TestData.ApiKey;
            o.Endpoint = new Uri("http://example.test/");
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("plain http on a non-loopback host", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_handlers_chain_onto_the_returned_builder()
    {
        var wire = new WireRecorder();
        var services = new ServiceCollection();
        services.AddLivePersonEscalation(o => o.ApiAccessKey = TestData.ApiKey)
            .ConfigurePrimaryHttpMessageHandler(wire.CreateHandler)
            .AddHttpMessageHandler(() => new HeaderStampingHandler());
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IEscalationClient>().EscalateAsync(TestData.Request());

        Assert.Equal("yes", wire.Sent.Headers["X-Host-Handler"]);
    }

    [Fact]
    public async Task A_host_time_provider_registered_first_is_used()
    {
        var services = new ServiceCollection();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        services.AddSingleton<TimeProvider>(time);
        services.AddLivePersonEscalation(o => o.ApiAccessKey = TestData.ApiKey);
        await using var provider = services.BuildServiceProvider();

        Assert.Same(time, provider.GetRequiredService<TimeProvider>());
    }
}
