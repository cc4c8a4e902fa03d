using Microsoft.Extensions.Options;

namespace LivePersonEscalation.Internal;

/// <summary>
/// Validates <see cref="EscalationOptions"/>, in code (no data annotations: nothing to reflect on, and no
/// System.ComponentModel.Annotations on netstandard2.0): the required key, the ranges of the nested options, and the
/// rules that span fields (region, endpoint scheme, key characters, skill ids, time spans). Each message starts with
/// the setting, which <see cref="AccountSection"/> names as the caller made it.
/// </summary>
internal sealed partial class EscalationOptionsValidator : IValidateOptions<EscalationOptions>
{
    private readonly Dictionary<string, AccountSection> _sections;

    public EscalationOptionsValidator()
        : this([])
    {
    }

    /// <param name="sections">Where each registration's settings come from, for messages that name the account and its path.</param>
    public EscalationOptionsValidator(IEnumerable<AccountSection> sections) =>
        _sections = sections.GroupBy(section => section.Name, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Last(), StringComparer.Ordinal);

    public ValidateOptionsResult Validate(string? name, EscalationOptions options)
    {
        var failures = new List<string>();
        ValidateRegion(options, failures);
        ValidateTimeout(options.Timeout, failures);
        ValidateEndpoint(options.Endpoint, failures);
        ValidateApiAccessKey(options.ApiAccessKey, failures);
        ValidateSkills(options.Skills, failures);
        ValidateRetry(options.Retry, failures);
        ValidateDuplicateGuard(options.DuplicateGuard, failures);
        ValidateFallback(options, failures);
        if (options.Telemetry is null)
        {
            failures.Add("Telemetry must not be null; remove the assignment to keep the defaults.");
        }

        if (failures.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        var section = _sections.TryGetValue(name ?? Options.DefaultName, out var known) ? known : AccountSection.Code(name ?? Options.DefaultName);
        return ValidateOptionsResult.Fail(failures.Select(section.Explain));
    }

    /// <summary>Validates <paramref name="options"/> outside dependency injection.</summary>
    /// <exception cref="OptionsValidationException">A setting is invalid; the message names each one.</exception>
    public static void ThrowIfInvalid(EscalationOptions options)
    {
        var result = new EscalationOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(EscalationOptions), result.Failures);
        }
    }

    /// <summary>Validates only <paramref name="skills"/>, for a handoff that needs nothing else.</summary>
    /// <exception cref="OptionsValidationException">A skill is invalid; the message names it.</exception>
    public static void ThrowIfSkillsInvalid(IDictionary<string, string> skills)
    {
        var failures = new List<string>();
        ValidateSkills(skills, failures);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(EscalationOptions), failures.Select(AccountSection.Code(Options.DefaultName).Explain));
        }
    }

    private static void ValidateRegion(EscalationOptions options, List<string> failures)
    {
        if (options.Endpoint is null && !LivePersonEndpoints.IsDefined(options.Region))
        {
            failures.Add(LivePersonEndpoints.NotARegion(options.Region));
        }
    }

    private static void ValidateTimeout(TimeSpan timeout, List<string> failures)
    {
        if (timeout < EscalationOptions.MinTimeout || timeout > EscalationOptions.MaxTimeout)
        {
            failures.Add($"Timeout is {timeout}, but must be between {EscalationOptions.MinTimeout} and {EscalationOptions.MaxTimeout} (1 second to 5 minutes).");
        }
    }

    private static void ValidateEndpoint(Uri? endpoint, List<string> failures)
    {
        if (endpoint is null)
        {
            return;
        }

        if (!endpoint.IsAbsoluteUri)
        {
            failures.Add($"Endpoint '{endpoint}' must be an absolute URI, e.g. https://platformservice.botcentralapi.com{LivePersonEndpoints.EscalationPath}.");
            return;
        }

        if (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp)
        {
            failures.Add($"Endpoint '{endpoint}' must use https (or http on a loopback host), not '{endpoint.Scheme}'.");
        }
        else if (endpoint.Scheme == Uri.UriSchemeHttp && !endpoint.IsLoopback)
        {
            failures.Add($"Endpoint '{endpoint}' uses plain http on a non-loopback host, which would send the API access key in clear text. Use https, or a loopback host (127.0.0.1, ::1, localhost) for a local emulator.");
        }

        if (!string.IsNullOrEmpty(endpoint.UserInfo))
        {
            failures.Add("Endpoint must not carry user information (user:password@); the API access key goes in ApiAccessKey.");
        }
    }

    private static void ValidateApiAccessKey(string? key, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            failures.Add("ApiAccessKey: required. Set it to the Conversation Builder API access key (user profile → API tab).");
            return;
        }

        if (!TextRules.IsPrintableAscii(key!.Trim()))
        {
            // Never echo the key, not even in part.
            failures.Add("ApiAccessKey contains a control or non-ASCII character (for example a line break inside the value). Paste the key again exactly as shown in Conversation Builder (user profile → API tab).");
        }
    }
}
