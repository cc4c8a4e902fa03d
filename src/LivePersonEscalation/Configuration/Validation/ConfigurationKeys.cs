using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace LivePersonEscalation.Internal;

/// <summary>
/// Checks a configuration section for keys the escalation options do not have, before binding, so a typo fails
/// start-up with its configuration path and the settings that exist there, instead of the binder's message naming
/// a .NET type. The known names come from <c>nameof</c>, so they follow the options classes.
/// </summary>
internal static partial class ConfigurationKeys
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
            (nameof(DuplicateGuardOptions.AllowRepeatsWhenOutcomeUnknown), null),
            (nameof(DuplicateGuardOptions.RefuseWhenStoreUnavailable), null),
            (nameof(DuplicateGuardOptions.StoreTimeout), null),
            // The section of the LivePersonEscalation.Redis package, which checks its keys when it is registered.
            (AddOnSections.Redis, Known.AnyKey))),
        (nameof(EscalationOptions.Fallback), new Known(
            (nameof(EscalationFallbackOptions.Skills), Known.AnyKey),
            (nameof(EscalationFallbackOptions.MaxTransferFailures), null),
            (nameof(EscalationFallbackOptions.Window), null),
            (nameof(EscalationFallbackOptions.WhenWaitLongerThan), null))),
        // The section of the LivePersonEscalation.Availability package, which checks its keys when it is registered.
        (AddOnSections.Availability, Known.AnyKey),
        (nameof(EscalationOptions.Telemetry), new Known(
            (nameof(EscalationTelemetryOptions.IncludeConversationId), null),
            (nameof(EscalationTelemetryOptions.LogMessageText), null))));

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
