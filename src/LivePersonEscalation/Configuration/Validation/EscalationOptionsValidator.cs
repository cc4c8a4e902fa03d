using Microsoft.Extensions.Options;

namespace LivePersonEscalation.Internal;

/// <summary>
/// Validates <see cref="EscalationOptions"/>: the generated data-annotation rules (required key, numeric ranges of the
/// nested options) plus the rules that span fields or need code (region, endpoint scheme, key characters, skill ids,
/// time spans, which a trimmed build cannot range-check by attribute). Each message names the setting.
/// </summary>
internal sealed class EscalationOptionsValidator : IValidateOptions<EscalationOptions>
{
    private readonly EscalationOptionsAttributeValidator _attributes = new();
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
        var generated = _attributes.Validate(name, options);
        if (generated.Failed)
        {
            failures.AddRange(generated.Failures ?? [generated.FailureMessage]);
        }

        ValidateRegion(options, failures);
        ValidateTimeout(options.Timeout, failures);
        ValidateEndpoint(options.Endpoint, failures);
        ValidateApiAccessKey(options.ApiAccessKey, failures);
        ValidateSkills(options.Skills, failures);
        ValidateRetry(options.Retry, failures);
        ValidateDuplicateGuard(options.DuplicateGuard, failures);
        ValidateFallback(options, failures);
        AvailabilityOptionsValidator.Validate(options.Availability, failures);
        if (options.Telemetry is null)
        {
            failures.Add("Telemetry must not be null; remove the assignment to keep the defaults.");
        }

        if (failures.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        var section = _sections.TryGetValue(name ?? Options.DefaultName, out var known) ? known : new AccountSection(name ?? Options.DefaultName, Path: null);
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
            throw new OptionsValidationException(Options.DefaultName, typeof(EscalationOptions), failures);
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
        // Missing or blank keys are reported by the [Required] rule.
        if (string.IsNullOrWhiteSpace(key))
        {
            return;
        }

        if (!TextRules.IsPrintableAscii(key!.Trim()))
        {
            // Never echo the key, not even in part.
            failures.Add("ApiAccessKey contains a control or non-ASCII character (for example a line break inside the value). Paste the key again exactly as shown in Conversation Builder (user profile → API tab).");
        }
    }

    private static void ValidateRetry(EscalationRetryOptions? retry, List<string> failures)
    {
        if (retry is null)
        {
            failures.Add("Retry must not be null; remove the assignment to keep the defaults.");
            return;
        }

        if (retry.TotalBudget < TimeSpan.FromSeconds(1) || retry.TotalBudget > TimeSpan.FromMinutes(10))
        {
            failures.Add($"Retry:TotalBudget is {retry.TotalBudget}, but must be between 00:00:01 and 00:10:00.");
        }

        if (retry.BaseDelay < TimeSpan.Zero || retry.BaseDelay > TimeSpan.FromMinutes(1))
        {
            failures.Add($"Retry:BaseDelay is {retry.BaseDelay}, but must be between 00:00:00 and 00:01:00.");
        }

        if (retry.MaxDelay < retry.BaseDelay || retry.MaxDelay > TimeSpan.FromMinutes(5))
        {
            failures.Add($"Retry:MaxDelay is {retry.MaxDelay}, but must be at least Retry:BaseDelay ({retry.BaseDelay}) and at most 00:05:00.");
        }
    }

    private static void ValidateDuplicateGuard(DuplicateGuardOptions? guard, List<string> failures)
    {
        if (guard is null)
        {
            failures.Add("DuplicateGuard must not be null; set DuplicateGuard:Enabled to false to turn the guard off.");
            return;
        }

        if (guard.Window < TimeSpan.Zero || guard.Window > TimeSpan.FromHours(1))
        {
            failures.Add($"DuplicateGuard:Window is {guard.Window}, but must be between 00:00:00 and 01:00:00.");
        }

        if (guard.Redis is null)
        {
            failures.Add("DuplicateGuard:Redis must not be null; remove the assignment to keep the defaults.");
        }
        else if (guard.Redis.OperationTimeout < RedisDuplicateGuardOptions.MinOperationTimeout || guard.Redis.OperationTimeout > RedisDuplicateGuardOptions.MaxOperationTimeout)
        {
            failures.Add($"DuplicateGuard:Redis:OperationTimeout is {guard.Redis.OperationTimeout}, but must be between {RedisDuplicateGuardOptions.MinOperationTimeout} and {RedisDuplicateGuardOptions.MaxOperationTimeout}.");
        }
    }

    private static void ValidateFallback(EscalationOptions options, List<string> failures)
    {
        var fallback = options.Fallback;
        if (fallback is null)
        {
            failures.Add("Fallback must not be null; remove the assignment to keep the defaults.");
            return;
        }

        var window = options.DuplicateGuard?.Window ?? TimeSpan.Zero;
        if (fallback.Window <= window || fallback.Window > EscalationFallbackOptions.MaxWindow)
        {
            failures.Add($"Fallback:Window is {fallback.Window}, but must be longer than DuplicateGuard:Window ({window}) and at most {EscalationFallbackOptions.MaxWindow}: it remembers a conversation's failed transfers across escalations.");
        }

        var skills = new Dictionary<string, string>(options.Skills ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
        var known = skills.Count == 0 ? "none are configured" : $"the skills are {string.Join(", ", skills.Keys.OrderBy(k => k, StringComparer.OrdinalIgnoreCase))}";
        var nextById = new Dictionary<string, (string Name, string Next)>(StringComparer.Ordinal);
        foreach (var route in fallback.Skills)
        {
            var from = route.Key?.Trim() ?? string.Empty;
            var to = route.Value?.Trim() ?? string.Empty;
            if (!skills.TryGetValue(from, out var fromId))
            {
                failures.Add($"Fallback:Skills:{route.Key} names the skill '{route.Key}', which is not in Skills ({known}). Add it to Skills, or remove the fallback.");
                continue;
            }

            if (!skills.TryGetValue(to, out var toId))
            {
                failures.Add($"Fallback:Skills:{route.Key} is '{route.Value}', which is not in Skills ({known}). Name a configured skill (it may be '{route.Key}' itself, to try the same queue again).");
                continue;
            }

            if (nextById.TryGetValue(fromId, out var other) && !string.Equals(skills[other.Next], toId, StringComparison.Ordinal))
            {
                failures.Add($"Fallback:Skills:{route.Key} and Fallback:Skills:{other.Name} name skills with the same id ({fromId}) but different fallbacks; a failed transfer to {fromId} cannot tell which applies. Give them the same fallback.");
            }

            nextById[fromId] = (route.Key!, to);
        }
    }

    private static void ValidateSkills(IDictionary<string, string>? skills, List<string> failures)
    {
        if (skills is null)
        {
            return;
        }

        foreach (var skill in skills)
        {
            if (string.IsNullOrWhiteSpace(skill.Key))
            {
                failures.Add("Skills has an entry with an empty name; give every skill a friendly name.");
            }
            else if (!TextRules.IsNumericSkillId(skill.Value))
            {
                failures.Add($"Skills:{skill.Key} is '{skill.Value}', but a LivePerson skill id is numeric (1 to {TextRules.MaxSkillIdLength} ASCII digits). Copy the skill id from LivePerson's skills list.");
            }
        }
    }
}
