using System.Diagnostics.Metrics;
using LivePersonEscalation;
using LivePersonEscalation.DuplicateGuard;
using LivePersonEscalation.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the LivePerson escalation client with <see cref="IHttpClientFactory"/>.</summary>
public static partial class LivePersonEscalationServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the escalation client uses, for <c>IHttpClientFactory</c> configuration.</summary>
    public const string HttpClientName = "LivePersonEscalation";

    /// <summary>
    /// Registers <see cref="IEscalationClient"/> as a typed client, with <see cref="EscalationOptions"/> bound from
    /// <paramref name="configuration"/> (conventionally the section <c>LivePerson:Escalation</c>) and validated at start-up.
    /// Unknown keys in the section are errors naming their configuration path, so a typo fails the host instead of
    /// being ignored.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding the escalation settings.</param>
    /// <returns>The client's builder: add the Redis guard to it, handlers, or the primary handler.</returns>
    /// <example>
    /// <code>
    /// builder.Services.AddLivePersonEscalation(builder.Configuration.GetSection(EscalationOptions.SectionName));
    /// </code>
    /// </example>
    public static ILivePersonEscalationBuilder AddLivePersonEscalation(this IServiceCollection services, IConfiguration configuration)
    {
        Argument.NotNull(services);
        Argument.NotNull(configuration);

        services.AddSingleton(new AccountSection(Microsoft.Extensions.Options.Options.DefaultName, (configuration as IConfigurationSection)?.Path, configuration));
        services.AddOptions<EscalationOptions>()
            // Every key is checked first, with a message naming it; the sections of the add-on packages are theirs.
            .Configure(_ => ConfigurationKeys.EnsureKnown(configuration))
            .Bind(configuration);
        return services.AddDefaultAccount(configuration);
    }

    /// <summary>
    /// Registers <see cref="IEscalationClient"/> as a typed client, with <see cref="EscalationOptions"/> set by
    /// <paramref name="configure"/> and validated at start-up.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the region or endpoint, the API access key and the other settings.</param>
    /// <returns>The client's builder: add the Redis guard to it, handlers, or the primary handler.</returns>
    /// <example>
    /// <code>
    /// services.AddLivePersonEscalation(options =>
    /// {
    ///     options.Region = LivePersonRegion.Eu;
    ///     options.ApiAccessKey = configuration["LivePerson:Escalation:ApiAccessKey"]!;
    /// });
    /// </code>
    /// </example>
    public static ILivePersonEscalationBuilder AddLivePersonEscalation(this IServiceCollection services, Action<EscalationOptions> configure)
    {
        Argument.NotNull(services);
        Argument.NotNull(configure);

        services.AddOptions<EscalationOptions>().Configure(configure);
        return services.AddDefaultAccount(configuration: null);
    }

    /// <summary>
    /// Registers <see cref="IEscalationClient"/> as a typed client (and <see cref="AgentHandoff"/> over it); configure <see cref="EscalationOptions"/>
    /// separately (for example with <c>services.Configure&lt;EscalationOptions&gt;(...)</c>). They are validated at start-up.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The client's builder: add the Redis guard to it, handlers, or the primary handler.</returns>
    public static ILivePersonEscalationBuilder AddLivePersonEscalation(this IServiceCollection services)
    {
        Argument.NotNull(services);
        return services.AddDefaultAccount(configuration: null);
    }

    private static LivePersonEscalationBuilder AddDefaultAccount(this IServiceCollection services, IConfiguration? configuration)
    {
        services.AddOptions<EscalationOptions>().ValidateOnStart();
        AddShared(services);
        services.TryAddSingleton(static provider => CreateRuntime(provider, Microsoft.Extensions.Options.Options.DefaultName, provider.GetService<IDuplicateGuardStore>()));
        services.TryAddTransient(static provider => new AgentHandoff(
            provider.GetRequiredService<IEscalationClient>(),
            provider.GetRequiredService<EscalationRuntime>(),
            provider.GetService<ISkillAvailability>()));

        var client = ConfigureClient(services.AddHttpClient<IEscalationClient, EscalationClient>(HttpClientName, static (httpClient, provider) =>
            new EscalationClient(httpClient, provider.GetRequiredService<EscalationRuntime>(), hasSingleSendHandler: true)));
        return new LivePersonEscalationBuilder(client, Microsoft.Extensions.Options.Options.DefaultName, configuration);
    }

    /// <summary>What every registration shares: validators, the clock, metrics, the innermost-handler filter.</summary>
    private static void AddShared(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EscalationOptions>, EscalationOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EscalationOptions>, AddOnSections>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, SingleSendHandler.BuilderFilter>());
    }

    private static EscalationRuntime CreateRuntime(IServiceProvider provider, string name, IDuplicateGuardStore? store)
    {
        var runtime = new EscalationRuntime(
            EscalationSettings.FromValidated(
                provider.GetRequiredService<IOptionsMonitor<EscalationOptions>>().Get(name),
                account: name == Microsoft.Extensions.Options.Options.DefaultName ? null : name,
                provider.GetServices<AccountSection>().LastOrDefault(section => section.Name == name)),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<IMeterFactory>(),
            provider.GetService<ILoggerFactory>(),
            store);

        // Options bound from configuration follow its reloads (a rotated key, a moved endpoint) for the next escalation.
        runtime.ReloadSubscription = OptionsReload.Watch(
            provider.GetServices<IOptionsChangeTokenSource<EscalationOptions>>(),
            provider.GetRequiredService<IOptionsFactory<EscalationOptions>>(),
            name,
            runtime);
        return runtime;
    }

    private static IHttpClientBuilder ConfigureClient(IHttpClientBuilder builder) => builder
        .ConfigureHttpClient(static httpClient => httpClient.Timeout = Timeout.InfiniteTimeSpan)
        .ConfigurePrimaryHttpMessageHandler(SingleSendHandler.CreatePrimary)
        // The API key is added by the innermost handler, below every handler and logger a host may chain (the
        // factory's own loggers included), so none of them ever sees it. The library logs and traces each
        // escalation itself, so the factory's per-request loggers would only repeat that at a cost on every call.
        .RemoveAllLoggers();
}
