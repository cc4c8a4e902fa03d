using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace LivePersonEscalation.Internal;

/// <summary>
/// Checks the configured region before binding, so a typo fails start-up with the list of valid regions
/// instead of the binder's generic conversion error.
/// </summary>
internal static class RegionSetting
{
    public static void EnsureValid(IConfiguration configuration)
    {
        var value = configuration[nameof(EscalationOptions.Region)];
        if (value is null)
        {
            return;
        }

        if (!Enum.TryParse<LivePersonRegion>(value, ignoreCase: true, out var region)
            || !LivePersonEndpoints.IsDefined(region)
            || char.IsDigit(value.Trim().FirstOrDefault()))
        {
            throw new OptionsValidationException(
                Options.DefaultName,
                typeof(EscalationOptions),
                [$"Region '{value}' is not a LivePerson region. Valid regions: {string.Join(", ", LivePersonEndpoints.RegionNames)}."]);
        }
    }
}
