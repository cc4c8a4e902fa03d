using LivePersonEscalation.DuplicateGuard;
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
        options.DuplicateGuard?.Redis?.Configuration is { Length: > 0 } && !HasStore(name ?? Options.DefaultName)
            ? ValidateOptionsResult.Fail("DuplicateGuard:Redis:Configuration is set, but the Redis duplicate guard is not registered: add the LivePersonEscalation.Redis package and call .AddRedisDuplicateGuard() on the builder AddLivePersonEscalation returns.")
            : ValidateOptionsResult.Success;

    /// <summary>The unnamed registration uses the store registered without a key; a named account, the one keyed by its name.</summary>
    private bool HasStore(string name) => name == Options.DefaultName
        ? services.IsService(typeof(IDuplicateGuardStore))
        : services is IServiceProviderIsKeyedService keyed
            && keyed.IsKeyedService(typeof(IDuplicateGuardStore), name);
}
