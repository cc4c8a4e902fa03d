using Microsoft.Extensions.DependencyInjection;

namespace LivePersonEscalation.Internal;

/// <summary>An account's client builder, with the account it belongs to.</summary>
internal sealed class LivePersonEscalationBuilder(IHttpClientBuilder client, string accountName) : ILivePersonEscalationBuilder
{
    public string AccountName { get; } = accountName;

    public string Name => client.Name;

    public IServiceCollection Services => client.Services;
}
