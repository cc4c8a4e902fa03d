using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LivePersonEscalation.Internal;

/// <summary>
/// Fails start-up when <c>DuplicateGuard:Redis:Configuration</c> is set but no shared store is registered: the host
/// would otherwise run with a per-process guard while believing its fleet is guarded.
/// </summary>
internal sealed class GuardStoreRegistrationValidator(IServiceProviderIsService services) : IValidateOptions<EscalationOptions>
{
    public ValidateOptionsResult Validate(string? name, EscalationOptions options) =>
        options.DuplicateGuard?.Redis?.Configuration is { Length: > 0 } && !services.IsService(typeof(IDuplicateGuardStore))
            ? ValidateOptionsResult.Fail("DuplicateGuard:Redis:Configuration is set, but the Redis duplicate guard is not registered: add the LivePersonEscalation.Redis package and call .AddRedisDuplicateGuard() on the builder AddLivePersonEscalation returns.")
            : ValidateOptionsResult.Success;
}
