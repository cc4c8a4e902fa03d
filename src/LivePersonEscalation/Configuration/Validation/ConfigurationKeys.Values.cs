using Microsoft.Extensions.Configuration;

namespace LivePersonEscalation.Internal;

/// <summary>The values the binder would misread or reject naming a .NET type, checked naming their configuration path.</summary>
internal static partial class ConfigurationKeys
{
    // Values the binder would reject with a message naming a .NET type, or read in a way nobody meant ("15" as
    // 15 days): checked here, naming the configuration path and the form that works.
    private static readonly Dictionary<string, Func<string, string, string?>> ValueRules = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Region"] = RegionRule,
        ["DuplicateGuard:Enabled"] = BoolRule,
        ["DuplicateGuard:AllowRepeatsWhenOutcomeUnknown"] = BoolRule,
        ["DuplicateGuard:RefuseWhenStoreUnavailable"] = BoolRule,
        ["Telemetry:IncludeConversationId"] = BoolRule,
        ["Telemetry:LogMessageText"] = BoolRule,
        ["Timeout"] = TimeSpanRule,
        ["Retry:TotalBudget"] = TimeSpanRule,
        ["Retry:BaseDelay"] = TimeSpanRule,
        ["Retry:MaxDelay"] = TimeSpanRule,
        ["DuplicateGuard:Window"] = TimeSpanRule,
        ["DuplicateGuard:StoreTimeout"] = TimeSpanRule,
        ["Fallback:Window"] = TimeSpanRule,
        ["Fallback:WhenWaitLongerThan"] = TimeSpanRule,
    };

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

    private static string? BoolRule(string path, string value) =>
        bool.TryParse(value, out _) ? null : $"{path} is '{value}', which is not true or false.";

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
}
