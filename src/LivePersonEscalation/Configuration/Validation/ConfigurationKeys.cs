using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace LivePersonEscalation.Internal;

/// <summary>
/// Checks a configuration section for keys the escalation options do not have, before binding, so a typo fails
/// start-up with its configuration path and the settings that exist there, instead of the binder's message naming
/// a .NET type. The known names come from <c>nameof</c>, so they follow the options classes.
/// </summary>
internal static class ConfigurationKeys
{
    private static readonly Known Root = new(
        (nameof(EscalationOptions.Region), null),
        (nameof(EscalationOptions.Endpoint), null),
        (nameof(EscalationOptions.ApiAccessKey), null),
        (nameof(EscalationOptions.Timeout), null),
        (nameof(EscalationOptions.Skills), Known.AnyKey),
        (nameof(EscalationOptions.Retry), new Known(
            (nameof(EscalationRetryOptions.MaxAttempts), null),
            (nameof(EscalationRetryOptions.TotalBudget), null),
            (nameof(EscalationRetryOptions.BaseDelay), null),
            (nameof(EscalationRetryOptions.MaxDelay), null))),
        (nameof(EscalationOptions.DuplicateGuard), new Known(
            (nameof(DuplicateGuardOptions.Enabled), null),
            (nameof(DuplicateGuardOptions.Window), null),
            (nameof(DuplicateGuardOptions.MaxConversations), null),
            (nameof(DuplicateGuardOptions.MaxMemoryBytes), null),
            (nameof(DuplicateGuardOptions.WhenOutcomeUnknown), null),
            (nameof(DuplicateGuardOptions.WhenStoreUnavailable), null),
            (nameof(DuplicateGuardOptions.Redis), new Known(
                (nameof(RedisDuplicateGuardOptions.Configuration), null),
                (nameof(RedisDuplicateGuardOptions.OperationTimeout), null))))),
        (nameof(EscalationOptions.Fallback), new Known(
            (nameof(EscalationFallbackOptions.Skills), Known.AnyKey),
            (nameof(EscalationFallbackOptions.MaxTransferFailures), null),
            (nameof(EscalationFallbackOptions.Window), null))),
        (nameof(EscalationOptions.Availability), new Known(
            (nameof(SkillAvailabilityOptions.AccountId), null),
            (nameof(SkillAvailabilityOptions.ClientId), null),
            (nameof(SkillAvailabilityOptions.ClientSecret), null),
            (nameof(SkillAvailabilityOptions.Username), null),
            (nameof(SkillAvailabilityOptions.Password), null),
            (nameof(SkillAvailabilityOptions.DomainApi), null),
            (nameof(SkillAvailabilityOptions.ShiftStatusService), null),
            (nameof(SkillAvailabilityOptions.AgentManagerWorkspaceService), null),
            (nameof(SkillAvailabilityOptions.AppTokenService), null),
            (nameof(SkillAvailabilityOptions.LoginService), null),
            (nameof(SkillAvailabilityOptions.AgentsRefreshInterval), null),
            (nameof(SkillAvailabilityOptions.ShiftRefreshInterval), null),
            (nameof(SkillAvailabilityOptions.Timeout), null),
            (nameof(SkillAvailabilityOptions.WhenNoAgentsOnline), null))),
        (nameof(EscalationOptions.Telemetry), new Known(
            (nameof(EscalationTelemetryOptions.IncludeConversationId), null),
            (nameof(EscalationTelemetryOptions.LogMessageText), null))));

    // Values the binder would reject with a message naming a .NET type, or read in a way nobody meant ("15" as
    // 15 days): checked here, naming the configuration path and the form that works.
    private static readonly Dictionary<string, Func<string, string, string?>> ValueRules = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Region"] = RegionRule,
        ["DuplicateGuard:WhenOutcomeUnknown"] = EnumRule<OutcomeUnknownHandling>,
        ["DuplicateGuard:WhenStoreUnavailable"] = EnumRule<StoreUnavailableHandling>,
        ["Timeout"] = TimeSpanRule,
        ["Retry:TotalBudget"] = TimeSpanRule,
        ["Retry:BaseDelay"] = TimeSpanRule,
        ["Retry:MaxDelay"] = TimeSpanRule,
        ["DuplicateGuard:Window"] = TimeSpanRule,
        ["DuplicateGuard:Redis:OperationTimeout"] = TimeSpanRule,
        ["Fallback:Window"] = TimeSpanRule,
        ["Availability:AgentsRefreshInterval"] = TimeSpanRule,
        ["Availability:ShiftRefreshInterval"] = TimeSpanRule,
        ["Availability:Timeout"] = TimeSpanRule,
        ["Availability:WhenNoAgentsOnline"] = EnumRule<NoAgentsOnlineHandling>,
    };

    /// <exception cref="OptionsValidationException">A key in <paramref name="section"/> is not a setting, or its value cannot mean what it says.</exception>
    public static void EnsureKnown(IConfiguration section, string name = "")
    {
        var failures = new List<string>();
        Check(section, Root, failures);
        CheckValues(section, failures);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(name, typeof(EscalationOptions), failures);
        }
    }

    private static void Check(IConfiguration section, Known known, List<string> failures)
    {
        foreach (var child in section.GetChildren())
        {
            if (known.IsAnyKey)
            {
                continue;
            }

            if (!known.Children.TryGetValue(child.Key, out var nested))
            {
                failures.Add($"{child.Path} is not a setting of the LivePerson escalation client; the settings there are {string.Join(", ", known.Children.Keys.OrderBy(k => k, StringComparer.Ordinal))}.");
            }
            else if (nested is not null)
            {
                Check(child, nested, failures);
            }
        }
    }

    private static void CheckValues(IConfiguration section, List<string> failures)
    {
        foreach (var rule in ValueRules)
        {
            var setting = section.GetSection(rule.Key);
            if (setting.Value is { Length: > 0 } value && rule.Value(setting.Path, value.Trim()) is { } problem)
            {
                failures.Add(problem);
            }
        }
    }

#pragma warning disable CA2263 // The generic overloads do not exist on netstandard2.0.
    private static string? EnumRule<T>(string path, string value)
        where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(typeof(T), parsed) && !char.IsDigit(value[0])
            ? null
            : $"{path} is '{value}', which is not one of {string.Join(", ", Enum.GetNames(typeof(T)))}.";
#pragma warning restore CA2263

    private static string? RegionRule(string path, string value) =>
        Enum.TryParse<LivePersonRegion>(value, ignoreCase: true, out var region) && LivePersonEndpoints.IsDefined(region) && !char.IsDigit(value[0])
            ? null
            : $"{LivePersonEndpoints.NotARegion(value)} Set at {path}.";

    private static string? TimeSpanRule(string path, string value)
    {
        if (value.All(char.IsDigit))
        {
            return $"{path} is '{value}', which .NET reads as {value} day(s); write it as hh:mm:ss, e.g. 00:00:{(value.Length <= 2 ? value.PadLeft(2, '0') : "15")} for {(value.Length <= 2 ? value : "15")} seconds.";
        }

        return TimeSpan.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? null
            : $"{path} is '{value}', which is not a time span; write it as hh:mm:ss, e.g. 00:00:15 for 15 seconds.";
    }

    /// <summary>The settings one level of the section may hold: each with what it may hold beneath (null: a value).</summary>
    private sealed class Known
    {
        public Known(params (string Name, Known? Nested)[] children) =>
            Children = children.ToDictionary(c => c.Name, c => c.Nested, StringComparer.OrdinalIgnoreCase);

        /// <summary>A level whose keys are the user's own (skill names).</summary>
        public static Known AnyKey { get; } = new() { IsAnyKey = true };

        public Dictionary<string, Known?> Children { get; }

        public bool IsAnyKey { get; private init; }
    }
}
