using LivePersonEscalation.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <content>Skill availability: the account APIs' client of each registration, and its snapshot.</content>
public static partial class LivePersonEscalationServiceCollectionExtensions
{
    /// <summary>The <see cref="HttpClient"/> name of an account's availability calls: <c>LivePersonEscalation.Availability</c>, or <c>…:{name}</c> for a named account.</summary>
    internal static string AvailabilityClientNameOf(string optionsName) =>
        optionsName == Microsoft.Extensions.Options.Options.DefaultName ? AvailabilityHttpClientName : AvailabilityHttpClientName + ":" + optionsName;

    /// <summary>
    /// The name of the <see cref="HttpClient"/> the availability snapshot uses (LivePerson's account APIs), for
    /// <c>IHttpClientFactory</c> configuration (a proxy, say); a named account's is <c>LivePersonEscalation.Availability:{name}</c>.
    /// </summary>
    public const string AvailabilityHttpClientName = "LivePersonEscalation.Availability";

    private static SkillAvailabilityMonitor CreateAvailability(IServiceProvider provider, string name, EscalationRuntime runtime)
    {
        var factory = provider.GetRequiredService<IHttpClientFactory>();
        var clientName = AvailabilityClientNameOf(name);
        return new SkillAvailabilityMonitor(runtime.Settings.Availability, runtime.Settings.Skills, () => factory.CreateClient(clientName), runtime.TimeProvider, runtime.Telemetry);
    }

    private static void AddAvailabilityClient(IServiceCollection services, string name) => services
        .AddHttpClient(AvailabilityClientNameOf(name))
        .ConfigureHttpClient(static httpClient => httpClient.Timeout = Timeout.InfiniteTimeSpan)
        // Never followed: a redirected token request would carry the client secret or the password elsewhere.
        .ConfigurePrimaryHttpMessageHandler(SingleSendHandler.CreatePrimary)
        // The library logs each refresh that fails; the factory's loggers would log every call, tokens' URLs included.
        .RemoveAllLoggers();
}
