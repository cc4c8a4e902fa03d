using Microsoft.Extensions.DependencyInjection;

namespace LivePersonEscalation.IntegrationTests;

internal sealed class BrandBSupport([FromKeyedServices("brand-b")] AgentHandoff handoff)
{
    public AgentHandoff Handoff { get; } = handoff;
}
