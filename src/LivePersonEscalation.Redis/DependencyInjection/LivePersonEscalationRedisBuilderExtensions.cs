using LivePersonEscalation;
using LivePersonEscalation.Redis.Internal;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
    public static IHttpClientBuilder AddRedisDuplicateGuard(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EscalationOptions>, RedisConfigurationRequired>());
        return builder.AddStore(static provider =>
        {
            var redis = provider.GetRequiredService<IOptions<EscalationOptions>>().Value.DuplicateGuard.Redis;
            return RedisConnection.FromConfiguration(redis.Configuration!, redis.OperationTimeout);
        });
    }

    /// <summary>Keeps the duplicate guard on the Redis that <paramref name="configuration"/> names.</summary>
    /// <param name="builder">The builder <c>AddLivePersonEscalation</c> returned.</param>
    /// <param name="configuration">A StackExchange.Redis configuration string, e.g. <c>redis:6379</c> or <c>redis:6379,password=…,ssl=true</c>.</param>
    /// <returns>The same builder, to chain further configuration.</returns>
    public static IHttpClientBuilder AddRedisDuplicateGuard(this IHttpClientBuilder builder, string configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        _ = ConfigurationOptions.Parse(configuration); // a malformed string fails here, at registration
        return builder.AddStore(provider =>
            RedisConnection.FromConfiguration(configuration, provider.GetRequiredService<IOptions<EscalationOptions>>().Value.DuplicateGuard.Redis.OperationTimeout));
    }

    /// <summary>Keeps the duplicate guard on a Redis connection the host already has (it stays the host's to dispose).</summary>
    /// <param name="builder">The builder <c>AddLivePersonEscalation</c> returned.</param>
    /// <param name="connection">Returns the host's connection, for example <c>provider.GetRequiredService&lt;IConnectionMultiplexer&gt;()</c>.</param>
    /// <returns>The same builder, to chain further configuration.</returns>
    public static IHttpClientBuilder AddRedisDuplicateGuard(this IHttpClientBuilder builder, Func<IServiceProvider, IConnectionMultiplexer> connection)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(connection);
        return builder.AddStore(provider => RedisConnection.Shared(connection(provider)));
    }

    private static IHttpClientBuilder AddStore(this IHttpClientBuilder builder, Func<IServiceProvider, RedisConnection> connect)
    {
        builder.Services.RemoveAll<IDuplicateGuardStore>();
        builder.Services.AddSingleton(connect);
        builder.Services.AddSingleton<IDuplicateGuardStore>(static provider => new RedisDuplicateGuardStore(
            provider.GetRequiredService<RedisConnection>(),
            provider.GetRequiredService<IOptions<EscalationOptions>>().Value.DuplicateGuard.Redis.OperationTimeout));
        return builder;
    }
}
