using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace LivePersonEscalation.Availability.Internal;

/// <summary>
/// The rules of <see cref="SkillAvailabilityOptions"/>, checked at start-up with the rest of the options: one kind of
/// credentials, complete; the Domain API over https (http only on loopback); service names; intervals. Each message
/// names the setting, and never echoes a secret.
/// </summary>
internal sealed class AvailabilityOptionsValidator(string accountName, IConfiguration? section) : IValidateOptions<SkillAvailabilityOptions>
{
    /// <summary>The section of an account's configuration the settings are bound from.</summary>
    public const string Section = "Availability";

    private static readonly string[] Keys =
    [
        nameof(SkillAvailabilityOptions.AccountId), nameof(SkillAvailabilityOptions.ClientId), nameof(SkillAvailabilityOptions.ClientSecret),
        nameof(SkillAvailabilityOptions.Username), nameof(SkillAvailabilityOptions.Password), nameof(SkillAvailabilityOptions.DomainApi),
        nameof(SkillAvailabilityOptions.ShiftStatusService), nameof(SkillAvailabilityOptions.AgentManagerWorkspaceService),
        nameof(SkillAvailabilityOptions.AppTokenService), nameof(SkillAvailabilityOptions.LoginService),
        nameof(SkillAvailabilityOptions.AgentsRefreshInterval), nameof(SkillAvailabilityOptions.ShiftRefreshInterval),
        nameof(SkillAvailabilityOptions.Timeout), nameof(SkillAvailabilityOptions.WhenNoAgentsOnline),
        nameof(SkillAvailabilityOptions.DataReportingService), nameof(SkillAvailabilityOptions.QueueHealth),
    ];

    private static readonly string[] QueueHealthKeys = [nameof(QueueHealthOptions.Enabled), nameof(QueueHealthOptions.RefreshInterval), nameof(QueueHealthOptions.AskUserAbove)];

    /// <summary>
    /// Fails on a key that is not a setting (a typo would otherwise leave a setting at its default, silently), and on
    /// a value the binder would reject naming a .NET type or misread ("15" as 15 days), naming the configuration path.
    /// </summary>
    public static void EnsureKnownKeys(IConfiguration section, string accountName)
    {
        var failures = section.GetChildren()
            .Where(child => !Keys.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            .Select(child => $"{child.Path} is not a setting of skill availability; the settings there are {string.Join(", ", Keys.OrderBy(k => k, StringComparer.Ordinal))}.")
            .ToList();
        var queueHealth = section.GetSection(nameof(SkillAvailabilityOptions.QueueHealth));
        failures.AddRange(queueHealth.GetChildren()
            .Where(child => !QueueHealthKeys.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            .Select(child => $"{child.Path} is not a setting of queue health; the settings there are {string.Join(", ", QueueHealthKeys)}."));
        if (queueHealth.GetSection(nameof(QueueHealthOptions.Enabled)) is { Value: { Length: > 0 } enabled } enabledSetting && !bool.TryParse(enabled.Trim(), out _))
        {
            failures.Add($"{enabledSetting.Path} is '{enabled.Trim()}', which is not true or false.");
        }

        foreach (var key in new[] { nameof(QueueHealthOptions.RefreshInterval), nameof(QueueHealthOptions.AskUserAbove) })
        {
            if (queueHealth.GetSection(key) is { Value: { Length: > 0 } value } setting && TimeSpanProblem(setting.Path, value.Trim()) is { } problem)
            {
                failures.Add(problem);
            }
        }

        foreach (var key in new[] { nameof(SkillAvailabilityOptions.AgentsRefreshInterval), nameof(SkillAvailabilityOptions.ShiftRefreshInterval), nameof(SkillAvailabilityOptions.Timeout) })
        {
            var setting = section.GetSection(key);
            if (setting.Value is { Length: > 0 } value && TimeSpanProblem(setting.Path, value.Trim()) is { } problem)
            {
                failures.Add(problem);
            }
        }

        var handling = section.GetSection(nameof(SkillAvailabilityOptions.WhenNoAgentsOnline));
        if (handling.Value is { Length: > 0 } name
            && !(Enum.TryParse<NoAgentsOnlineHandling>(name.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(name.Trim()[0])))
        {
            failures.Add($"{handling.Path} is '{name.Trim()}', which is not one of {string.Join(", ", Enum.GetNames<NoAgentsOnlineHandling>())}.");
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException(accountName, typeof(SkillAvailabilityOptions), failures);
        }
    }

    private static string? TimeSpanProblem(string path, string value)
    {
        if (value.All(char.IsDigit))
        {
            return $"{path} is '{value}', which .NET reads as {value} day(s); write it as hh:mm:ss, e.g. 00:00:{(value.Length <= 2 ? value.PadLeft(2, '0') : "15")} for {(value.Length <= 2 ? value : "15")} seconds.";
        }

        return TimeSpan.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? null
            : $"{path} is '{value}', which is not a time span; write it as hh:mm:ss, e.g. 00:00:15 for 15 seconds.";
    }

    public ValidateOptionsResult Validate(string? name, SkillAvailabilityOptions options)
    {
        if ((name ?? Options.DefaultName) != accountName)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        Check(options, failures);
        if (failures.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        var where = section is IConfigurationSection { Path: var path }
            ? $" (configuration section {path}; as environment variables {path.Replace(":", "__")}__<setting>)"
            : string.Empty;
        var account = accountName == Options.DefaultName ? string.Empty : $"Account '{accountName}': ";
        return ValidateOptionsResult.Fail(failures.Select(failure => account + failure + where));
    }

    /// <summary>How a setting is named in a message: its configuration key when the settings come from configuration, else the property.</summary>
    private string N(string? setting = null) => section is IConfigurationSection { Path: var path }
        ? (setting is null ? path : path + ":" + setting)
        : (setting is null ? nameof(SkillAvailabilityOptions) : nameof(SkillAvailabilityOptions) + "." + setting.Replace(':', '.'));

    private void Check(SkillAvailabilityOptions? options, List<string> failures)
    {
        if (options is null)
        {
            failures.Add($"{N()} must not be null; remove the assignment to keep availability off.");
            return;
        }

        if (!options.IsEnabled)
        {
            if (!string.IsNullOrWhiteSpace(options.ClientId) || !string.IsNullOrWhiteSpace(options.Username))
            {
                failures.Add($"{N("AccountId")} is not set, but credentials are: set {N("AccountId")} to the LivePerson account (site) id, or remove the credentials to leave availability off.");
            }

            return;
        }

        if (!options.AccountId.Trim().All(static c => c is >= '0' and <= '9'))
        {
            failures.Add($"{N("AccountId")} is '{options.AccountId}', but a LivePerson account (site) id is numeric, e.g. 12345678.");
        }

        ValidateCredentials(options, failures);
        ValidateDomainApi(options.DomainApi, failures);
        ValidateServiceName(nameof(options.ShiftStatusService), options.ShiftStatusService, failures);
        ValidateServiceName(nameof(options.AgentManagerWorkspaceService), options.AgentManagerWorkspaceService, failures);
        ValidateServiceName(nameof(options.AppTokenService), options.AppTokenService, failures);
        ValidateServiceName(nameof(options.LoginService), options.LoginService, failures);
        ValidateServiceName(nameof(options.DataReportingService), options.DataReportingService, failures);
        if (options.QueueHealth is null)
        {
            failures.Add($"{N("QueueHealth")} must not be null; remove the assignment to keep queue health off.");
        }
        else if (options.QueueHealth.RefreshInterval < QueueHealthOptions.MinRefreshInterval || options.QueueHealth.RefreshInterval > QueueHealthOptions.MaxRefreshInterval)
        {
            failures.Add($"{N("QueueHealth:RefreshInterval")} is {options.QueueHealth.RefreshInterval}, but must be between 00:00:10 and 01:00:00 (LivePerson answers 429 when called too often).");
        }
        else if (options.QueueHealth.AskUserAbove is not null && !options.QueueHealth.Enabled)
        {
            failures.Add($"{N("QueueHealth:AskUserAbove")} is set, but {N("QueueHealth:Enabled")} is not: the wait it asks about would never be known. Turn queue health on, or leave it unset.");
        }
        else if (options.QueueHealth.AskUserAbove is { } above && (above <= TimeSpan.Zero || above > TimeSpan.FromDays(1)))
        {
            failures.Add($"{N("QueueHealth:AskUserAbove")} is {above}, but must be longer than 00:00:00 and at most 1.00:00:00; leave it unset to keep the long-wait question off.");
        }
        ValidateInterval(nameof(options.AgentsRefreshInterval), options.AgentsRefreshInterval, failures);
        ValidateInterval(nameof(options.ShiftRefreshInterval), options.ShiftRefreshInterval, failures);
        if (options.Timeout < TimeSpan.FromSeconds(1) || options.Timeout > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{N("Timeout")} is {options.Timeout}, but must be between 00:00:01 and 00:01:00.");
        }

        if (options.WhenNoAgentsOnline is not (NoAgentsOnlineHandling.QueueAnyway or NoAgentsOnlineHandling.TellUser))
        {
            failures.Add($"{N("WhenNoAgentsOnline")} is {(int)options.WhenNoAgentsOnline}, which is not one of QueueAnyway, TellUser.");
        }
    }

    private void ValidateCredentials(SkillAvailabilityOptions options, List<string> failures)
    {
        var app = !string.IsNullOrWhiteSpace(options.ClientId) || !string.IsNullOrWhiteSpace(options.ClientSecret);
        var user = !string.IsNullOrWhiteSpace(options.Username) || !string.IsNullOrEmpty(options.Password);
        if (app && user)
        {
            failures.Add($"{N()} has both an app installation ({N("ClientId")}, {N("ClientSecret")}) and a user ({N("Username")}, {N("Password")}); keep one.");
            return;
        }

        if (!app && !user)
        {
            failures.Add($"{N("AccountId")} is set, but no credentials are: set {N("ClientId")} and {N("ClientSecret")} (an app installation, OAuth 2.0 client credentials) or {N("Username")} and {N("Password")} (a LivePerson user). The Conversation Builder API access key does not work for these APIs.");
            return;
        }

        var (idName, id, secretName, secret) = app
            ? ("ClientId", options.ClientId, "ClientSecret", options.ClientSecret)
            : ("Username", options.Username, "Password", options.Password);
        if (string.IsNullOrWhiteSpace(id))
        {
            failures.Add($"{N(idName)} is not set, but {N(secretName)} is; set both.");
        }
        else if (!AccountText.IsPrintableAscii(id!.Trim()) && app)
        {
            failures.Add($"{N(idName)} contains a control or non-ASCII character; copy it again from LivePerson.");
        }

        if (string.IsNullOrEmpty(secret))
        {
            failures.Add($"{N(secretName)} is not set, but {N(idName)} is; set both.");
        }
        else if (AccountText.HasControlCharacter(secret!))
        {
            // Never echo the secret, not even in part.
            failures.Add($"{N(secretName)} contains a control character (for example a line break inside the value); paste it again exactly.");
        }
    }

    private void ValidateDomainApi(Uri? domainApi, List<string> failures)
    {
        if (domainApi is null || !domainApi.IsAbsoluteUri)
        {
            failures.Add($"{N("DomainApi")} must be an absolute URL, e.g. {SkillAvailabilityOptions.DefaultDomainApi}.");
            return;
        }

        if (domainApi.Scheme == Uri.UriSchemeHttp && !domainApi.IsLoopback)
        {
            failures.Add($"{N("DomainApi")} '{domainApi}' uses plain http on a non-loopback host, which would send the credentials in clear text. Use https, or a loopback host (127.0.0.1, ::1, localhost) for a local emulator.");
        }
        else if (domainApi.Scheme != Uri.UriSchemeHttps && domainApi.Scheme != Uri.UriSchemeHttp)
        {
            failures.Add($"{N("DomainApi")} '{domainApi}' must use https (or http on a loopback host), not '{domainApi.Scheme}'.");
        }

        if (!string.IsNullOrEmpty(domainApi.UserInfo) || domainApi.AbsolutePath != "/" || !string.IsNullOrEmpty(domainApi.Query))
        {
            failures.Add($"{N("DomainApi")} '{domainApi.GetLeftPart(UriPartial.Authority)}…' must be the Domain API's scheme and host only, e.g. {SkillAvailabilityOptions.DefaultDomainApi}.");
        }
    }

    private void ValidateServiceName(string setting, string? name, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(name) || !name!.Trim().All(static c => c is (>= '0' and <= '9') or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z')))
        {
            failures.Add($"{N(setting)} is '{name}', but a Domain API service name is letters and digits (case sensitive), e.g. {DefaultOf(setting)}.");
        }
    }

    private static string DefaultOf(string setting) => setting switch
    {
        nameof(SkillAvailabilityOptions.ShiftStatusService) => SkillAvailabilityOptions.DefaultShiftStatusService,
        nameof(SkillAvailabilityOptions.AgentManagerWorkspaceService) => SkillAvailabilityOptions.DefaultAgentManagerWorkspaceService,
        nameof(SkillAvailabilityOptions.AppTokenService) => SkillAvailabilityOptions.DefaultAppTokenService,
        nameof(SkillAvailabilityOptions.DataReportingService) => SkillAvailabilityOptions.DefaultDataReportingService,
        _ => SkillAvailabilityOptions.DefaultLoginService,
    };

    private void ValidateInterval(string setting, TimeSpan interval, List<string> failures)
    {
        if (interval < SkillAvailabilityOptions.MinRefreshInterval || interval > SkillAvailabilityOptions.MaxRefreshInterval)
        {
            failures.Add($"{N(setting)} is {interval}, but must be between 00:00:01 and 01:00:00.");
        }
    }
}
