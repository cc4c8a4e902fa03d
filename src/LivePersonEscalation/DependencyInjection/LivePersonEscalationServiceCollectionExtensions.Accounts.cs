using LivePersonEscalation;
using LivePersonEscalation.DuplicateGuard;
using LivePersonEscalation.Internal;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <content>Named accounts: one registration per LivePerson account, resolved by its service key.</content>
public static partial class LivePersonEscalationServiceCollectionExtensions
{
    /// <summary>
    /// Registers a named account (its own API key, region, skills, duplicate guard and handler pipeline), resolved
    /// as <c>[FromKeyedServices(name)] IEscalationClient</c> (and a keyed <see cref="AgentHandoff"/>), with its
    /// <see cref="EscalationOptions"/> bound from <paramref name="configuration"/> as named options, validated at start-up.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The account's name, also the service key: e.g. <c>"brand-a"</c>.</param>
    /// <param name="configuration">The account's configuration section, e.g. <c>LivePerson:Accounts:brand-a</c>.</param>
    /// <returns>The account's builder (its HTTP client is named <c>LivePersonEscalation:{name}</c>).</returns>
    /// <example>
    /// <code>
    /// builder.Services.AddLivePersonEscalation("brand-a", builder.Configuration.GetSection("LivePerson:Accounts:brand-a"));
    /// builder.Services.AddLivePersonEscalation("brand-b", builder.Configuration.GetSection("LivePerson:Accounts:brand-b"));
    /// // public sealed class BrandAHandoff([FromKeyedServices("brand-a")] IEscalationClient escalations) { ... }
    /// </code>
    /// </example>
    public static ILivePersonEscalationBuilder AddLivePersonEscalation(this IServiceCollection services, string name, IConfiguration configuration)
    {
        Argument.NotNull(services);
        Argument.NotNull(configuration);
        CheckName(name);

        services.AddSingleton(new AccountSection(name, (configuration as IConfigurationSection)?.Path, configuration));
        services.AddOptions<EscalationOptions>(name)
            .Configure(_ => ConfigurationKeys.EnsureKnown(configuration, name))
            .Bind(configuration);
        return services.AddNamedAccount(name, configuration);
    }

    /// <summary>
    /// Registers a named account set by <paramref name="configure"/>; see
    /// <see cref="AddLivePersonEscalation(IServiceCollection, string, IConfiguration)"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The account's name, also the service key.</param>
    /// <param name="configure">Sets the account's region or endpoint, API access key and other settings.</param>
    /// <returns>The account's builder (its HTTP client is named <c>LivePersonEscalation:{name}</c>).</returns>
    public static ILivePersonEscalationBuilder AddLivePersonEscalation(this IServiceCollection services, string name, Action<EscalationOptions> configure)
    {
        Argument.NotNull(services);
        Argument.NotNull(configure);
        CheckName(name);

        services.AddOptions<EscalationOptions>(name).Configure(configure);
        return services.AddNamedAccount(name, configuration: null);
    }

    /// <summary>The <see cref="HttpClient"/> name of a named account: <c>LivePersonEscalation:{name}</c>.</summary>
    internal static string ClientNameOf(string optionsName) =>
        optionsName == Microsoft.Extensions.Options.Options.DefaultName ? HttpClientName : HttpClientName + ":" + optionsName;

    private static LivePersonEscalationBuilder AddNamedAccount(this IServiceCollection services, string name, IConfiguration? configuration)
    {
        var clientName = ClientNameOf(name);
        services.AddOptions<EscalationOptions>(name).ValidateOnStart();
        AddShared(services);
        services.AddKeyedSingleton(name, (provider, _) => CreateRuntime(provider, name, provider.GetKeyedService<IDuplicateGuardStore>(name)));
        services.AddKeyedTransient<IEscalationClient>(name, (provider, _) => new EscalationClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(clientName),
            provider.GetRequiredKeyedService<EscalationRuntime>(name),
            hasSingleSendHandler: true));
        services.AddKeyedTransient(name, (provider, _) => new AgentHandoff(
            provider.GetRequiredKeyedService<IEscalationClient>(name),
            provider.GetRequiredKeyedService<EscalationRuntime>(name),
            provider.GetKeyedService<ISkillAvailability>(name)));
        return new LivePersonEscalationBuilder(ConfigureClient(services.AddHttpClient(clientName)), name, configuration);
    }

    private static void CheckName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name == Microsoft.Extensions.Options.Options.DefaultName)
        {
            throw new ArgumentException("An account needs a name (the service key), e.g. \"brand-a\"; for a single account use the overloads without one.", nameof(name));
        }
    }
}
