using LivePersonEscalation.DuplicateGuard;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LivePersonEscalation.Internal;

/// <summary>
/// The sections of an account's configuration that belong to another package: the core skips their keys, and fails at
/// start-up when one is set but its package is not registered, so a setting is never silently ignored.
/// </summary>
internal sealed class AddOnSections(IEnumerable<AccountSection> sections, IServiceProviderIsService services) : IValidateOptions<EscalationOptions>
{
    public const string Availability = "Availability";

    public const string Redis = "Redis";

    private static readonly (string Section, Type Service, string Package, string Call)[] Owners =
    [
        (Availability, typeof(ISkillAvailability), "LivePersonEscalation.Availability", ".AddSkillAvailability()"),
        ("DuplicateGuard:" + Redis, typeof(IDuplicateGuardStore), "LivePersonEscalation.Redis", ".AddRedisDuplicateGuard()"),
    ];

    public ValidateOptionsResult Validate(string? name, EscalationOptions options)
    {
        name ??= Options.DefaultName;
        var section = sections.LastOrDefault(section => section.Name == name);
        if (section?.Configuration is not { } configuration)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = Owners
            .Where(owner => configuration.GetSection(owner.Section).GetChildren().Any() && !IsRegistered(owner.Service, name))
            .Select(owner => section.ForAccount($"{section.Setting(owner.Section)} is set, but its package is not registered: add the {owner.Package} package and call {owner.Call} on the builder AddLivePersonEscalation returns."))
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private bool IsRegistered(Type service, string name) => name == Options.DefaultName
        ? services.IsService(service)
        : services is IServiceProviderIsKeyedService keyed && keyed.IsKeyedService(service, name);
}
