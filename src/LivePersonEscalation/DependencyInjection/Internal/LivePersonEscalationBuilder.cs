using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LivePersonEscalation.Internal;

internal sealed class LivePersonEscalationBuilder(IHttpClientBuilder client, string accountName, IConfiguration? configuration) : ILivePersonEscalationBuilder
{
    public string AccountName { get; } = accountName;

    public IConfiguration? Configuration { get; } = configuration;

    public string Name => client.Name;

    public IServiceCollection Services => client.Services;
}
