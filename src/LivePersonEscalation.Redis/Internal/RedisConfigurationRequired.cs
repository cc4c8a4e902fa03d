using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace LivePersonEscalation.Redis.Internal;

/// <summary>Fails start-up when the Redis guard is registered to read its configuration string, and there is none or it is malformed.</summary>
internal sealed class RedisConfigurationRequired(string optionsName, IConfiguration section) : IValidateOptions<RedisDuplicateGuardOptions>
{
    public const string Section = "DuplicateGuard:Redis";

    public ValidateOptionsResult Validate(string? name, RedisDuplicateGuardOptions options)
    {
        if ((name ?? Options.DefaultName) != optionsName)
        {
            return ValidateOptionsResult.Skip;
        }

        var key = (section as IConfigurationSection)?.Path + ":" + nameof(RedisDuplicateGuardOptions.Configuration);
        var account = optionsName == Options.DefaultName ? string.Empty : $"Account '{optionsName}': ";
        if (string.IsNullOrWhiteSpace(options.Configuration))
        {
            return ValidateOptionsResult.Fail($"{account}{key} is required by AddRedisDuplicateGuard(): set it to the Redis to share the guard on, e.g. \"redis:6379\" (environment variable {key.Replace(":", "__")}), or pass the configuration string or connection to AddRedisDuplicateGuard.");
        }

        try
        {
            _ = StackExchange.Redis.ConfigurationOptions.Parse(options.Configuration);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            // The message of a parse error names the bad option, not the password.
            return ValidateOptionsResult.Fail($"{account}{key} is not a valid StackExchange.Redis configuration string: {ex.Message}");
        }
    }
}
