using Microsoft.Extensions.Options;

namespace LivePersonEscalation.Redis.Internal;

/// <summary>Fails start-up when the Redis guard is registered to read its configuration string, and there is none.</summary>
internal sealed class RedisConfigurationRequired(string optionsName) : IValidateOptions<EscalationOptions>
{
    public ValidateOptionsResult Validate(string? name, EscalationOptions options)
    {
        if ((name ?? Options.DefaultName) != optionsName)
        {
            return ValidateOptionsResult.Skip;
        }

        var configuration = options.DuplicateGuard?.Redis?.Configuration;
        if (string.IsNullOrWhiteSpace(configuration))
        {
            return ValidateOptionsResult.Fail("DuplicateGuard:Redis:Configuration is required by AddRedisDuplicateGuard(): set it to the Redis to share the guard on, e.g. \"redis:6379\" (LivePerson__Escalation__DuplicateGuard__Redis__Configuration), or pass the configuration string or connection to AddRedisDuplicateGuard.");
        }

        try
        {
            _ = StackExchange.Redis.ConfigurationOptions.Parse(configuration);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            // The message of a parse error names the bad option, not the password.
            return ValidateOptionsResult.Fail($"DuplicateGuard:Redis:Configuration is not a valid StackExchange.Redis configuration string: {ex.Message}");
        }
    }
}
