using System.Diagnostics.Metrics;
using LivePersonEscalation;
using LivePersonEscalation.DuplicateGuard;
using LivePersonEscalation.Redis.Internal;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Puts the LivePerson escalation client's duplicate guard on Redis, shared by every instance of a fleet.</summary>
public static class LivePersonEscalationRedisBuilderExtensions
{
    /// <summary>
    /// Keeps the duplicate guard on the Redis named by <c>LivePerson:Escalation:DuplicateGuard:Redis:Configuration</c>
    /// (<see cref="RedisDuplicateGuardOptions.Configuration"/>), validated at start-up.
    /// </summary>
    /// <param name="builder">The builder <c>AddLivePersonEscalation</c> returned.</param>
    /// <returns>The same builder, to chain further configuration.</returns>
    /// <example>
    /// <code>
    /// builder.Services.AddLivePersonEscalation(builder.Configuration.GetSection(EscalationOptions.SectionName))
    ///     .AddRedisDuplicateGuard();
    /// </code>
    /// </example>
    public static ILivePersonEscalationBuilder AddRedisDuplicateGuard(this ILivePersonEscalationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Configuration is not { } configuration)
        {
            throw new InvalidOperationException(
                "AddRedisDuplicateGuard() reads DuplicateGuard:Redis:Configuration from the configuration the account is bound from, but this account is configured in code: pass the configuration string, e.g. .AddRedisDuplicateGuard(\"redis:6379\"), or a connection.");
        }

        var name = builder.AccountName;
        var section = configuration.GetSection(RedisConfigurationRequired.Section);
        builder.Services.AddOptions<RedisDuplicateGuardOptions>(name).Bind(section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RedisDuplicateGuardOptions>>(new RedisConfigurationRequired(name, section));
        return builder.AddStore(static (provider, optionsName) =>
            RedisConnection.FromConfiguration(provider.GetRequiredService<IOptionsMonitor<RedisDuplicateGuardOptions>>().Get(optionsName).Configuration!));
    }

    /// <summary>Keeps the duplicate guard on the Redis that <paramref name="configuration"/> names.</summary>
    /// <param name="builder">The builder <c>AddLivePersonEscalation</c> returned.</param>
    /// <param name="configuration">A StackExchange.Redis configuration string, e.g. <c>redis:6379</c> or <c>redis:6379,password=…,ssl=true</c>.</param>
    /// <returns>The same builder, to chain further configuration.</returns>
    public static ILivePersonEscalationBuilder AddRedisDuplicateGuard(this ILivePersonEscalationBuilder builder, string configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        _ = ConfigurationOptions.Parse(configuration); // a malformed string fails here, at registration
        return builder.AddStore((_, _) => RedisConnection.FromConfiguration(configuration));
    }

    /// <summary>Keeps the duplicate guard on a Redis connection the host already has (it stays the host's to dispose).</summary>
    /// <param name="builder">The builder <c>AddLivePersonEscalation</c> returned.</param>
    /// <param name="connection">Returns the host's connection, for example <c>provider.GetRequiredService&lt;IConnectionMultiplexer&gt;()</c>.</param>
    /// <returns>The same builder, to chain further configuration.</returns>
    public static ILivePersonEscalationBuilder AddRedisDuplicateGuard(this ILivePersonEscalationBuilder builder, Func<IServiceProvider, IConnectionMultiplexer> connection)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(connection);
        return builder.AddStore((provider, _) => RedisConnection.Shared(connection(provider)));
    }

    /// <summary>
    /// Registers the store for the account <paramref name="builder"/> belongs to: the unnamed registration's without a
    /// key, a named account's keyed by its name, so accounts can each have their own (or none).
    /// </summary>
    private static ILivePersonEscalationBuilder AddStore(this ILivePersonEscalationBuilder builder, Func<IServiceProvider, string, RedisConnection> connect)
    {
        var optionsName = builder.AccountName;
        RedisDuplicateGuardStore Create(IServiceProvider provider)
        {
            var guard = provider.GetRequiredService<IOptionsMonitor<EscalationOptions>>().Get(optionsName).DuplicateGuard;
            var dataSafety = new RedisDataSafety(provider.GetService<ILoggerFactory>(), provider.GetService<IMeterFactory>(), guard.Window, provider.GetService<TimeProvider>() ?? TimeProvider.System);
            return new RedisDuplicateGuardStore(connect(provider, optionsName), guard.StoreTimeout, dataSafety);
        }

        if (optionsName == Options.Options.DefaultName)
        {
            builder.Services.RemoveAll<IDuplicateGuardStore>();
            builder.Services.RemoveAll<RedisDuplicateGuardStore>();
            builder.Services.AddSingleton(Create);
            builder.Services.AddSingleton<IDuplicateGuardStore>(static provider => provider.GetRequiredService<RedisDuplicateGuardStore>());
        }
        else
        {
            builder.Services.AddKeyedSingleton(optionsName, (provider, _) => Create(provider));
            builder.Services.AddKeyedSingleton<IDuplicateGuardStore>(optionsName, static (provider, key) => provider.GetRequiredKeyedService<RedisDuplicateGuardStore>(key));
        }

        return builder;
    }
}
