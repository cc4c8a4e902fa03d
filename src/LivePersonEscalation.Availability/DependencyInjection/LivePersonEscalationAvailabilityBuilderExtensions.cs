using System.Diagnostics.Metrics;
using LivePersonEscalation;
using LivePersonEscalation.Availability.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds LivePerson's skill availability (shift status, agents online) to an account registered with <c>AddLivePersonEscalation</c>.</summary>
public static class LivePersonEscalationAvailabilityBuilderExtensions
{
    /// <summary>
    /// The name of the <see cref="HttpClient"/> the availability snapshot uses (LivePerson's account APIs), for
    /// <c>IHttpClientFactory</c> configuration (a proxy, say); a named account's is <c>LivePersonEscalation.Availability:{name}</c>.
    /// </summary>
    public const string HttpClientName = "LivePersonEscalation.Availability";

    /// <summary>
    /// Adds the account's skill-availability snapshot (<see cref="ISkillAvailabilitySnapshot"/>, also registered as the
    /// core's <see cref="ISkillAvailability"/>, which <see cref="AgentHandoff"/> consults before each transfer). Its
    /// settings (<see cref="SkillAvailabilityOptions"/>) are bound from the <c>Availability</c> section of the
    /// configuration the account is bound from (<c>LivePerson:Escalation:Availability</c> by default), then
    /// <paramref name="configure"/> runs; they are validated at start-up. Availability stays off until
    /// <see cref="SkillAvailabilityOptions.AccountId"/> is set.
    /// </summary>
    /// <param name="builder">The account's builder, as <c>AddLivePersonEscalation</c> returns it.</param>
    /// <param name="configure">Sets or overrides settings in code (for example credentials from a vault); optional.</param>
    /// <returns>The same builder.</returns>
    /// <example>
    /// <code>
    /// builder.Services.AddLivePersonEscalation(builder.Configuration.GetSection("LivePerson:Escalation"))
    ///     .AddSkillAvailability();
    /// </code>
    /// </example>
    public static ILivePersonEscalationBuilder AddSkillAvailability(this ILivePersonEscalationBuilder builder, Action<SkillAvailabilityOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var name = builder.AccountName;
        var section = builder.Configuration?.GetSection(AvailabilityOptionsValidator.Section);
        var options = builder.Services.AddOptions<SkillAvailabilityOptions>(name);
        if (section is not null)
        {
            options.Configure(_ => AvailabilityOptionsValidator.EnsureKnownKeys(section, name)).Bind(section);
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SkillAvailabilityOptions>>(new AvailabilityOptionsValidator(name, section));

        var clientName = name == Microsoft.Extensions.Options.Options.DefaultName ? HttpClientName : HttpClientName + ":" + name;
        builder.Services.AddHttpClient(clientName)
            .ConfigureHttpClient(static httpClient => httpClient.Timeout = Timeout.InfiniteTimeSpan)
            // Never followed: a redirected token request would carry the client secret or the password elsewhere.
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            // The snapshot logs each refresh that fails; the factory's loggers would log every call, tokens' URLs included.
            .RemoveAllLoggers();

        SkillAvailabilityMonitor Create(IServiceProvider provider)
        {
            var availability = provider.GetRequiredService<IOptionsMonitor<SkillAvailabilityOptions>>().Get(name);
            var escalation = provider.GetRequiredService<IOptionsMonitor<EscalationOptions>>().Get(name);
            var factory = provider.GetRequiredService<IHttpClientFactory>();
            return new SkillAvailabilityMonitor(
                availability.IsEnabled ? new AvailabilitySettings(availability, escalation) : null,
                () => factory.CreateClient(clientName),
                provider.GetService<TimeProvider>() ?? TimeProvider.System,
                new AvailabilityTelemetry(provider.GetService<IMeterFactory>(), provider.GetService<ILoggerFactory>(), name == Microsoft.Extensions.Options.Options.DefaultName ? null : name));
        }

        if (name == Microsoft.Extensions.Options.Options.DefaultName)
        {
            builder.Services.AddSingleton<ISkillAvailabilitySnapshot>(Create);
            builder.Services.AddSingleton<ISkillAvailability>(static provider => provider.GetRequiredService<ISkillAvailabilitySnapshot>());
        }
        else
        {
            builder.Services.AddKeyedSingleton<ISkillAvailabilitySnapshot>(name, (provider, _) => Create(provider));
            builder.Services.AddKeyedSingleton<ISkillAvailability>(name, static (provider, key) => provider.GetRequiredKeyedService<ISkillAvailabilitySnapshot>(key));
        }

        return builder;
    }
}
