using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace LivePersonEscalation.Internal;

/// <summary>
/// Checks the configured region before binding, so a typo fails start-up with the list of valid regions
/// instead of the binder's generic conversion error.
/// </summary>
internal static class RegionSetting
{
    public static void EnsureValid(IConfiguration configuration, string name = "")
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
            var path = configuration.GetSection(nameof(EscalationOptions.Region)).Path;
            throw new OptionsValidationException(
                name,
                typeof(EscalationOptions),
                [$"Region '{value}' is not a LivePerson region. Valid regions: {string.Join(", ", LivePersonEndpoints.RegionNames)}. Set at {path}."]);
        }
    }
}
