namespace LivePersonEscalation.Internal;

/// <summary>
/// The rules of <see cref="SkillAvailabilityOptions"/>, checked at start-up with the rest of the options: one kind of
/// credentials, complete; the Domain API over https (http only on loopback); service names; intervals. Each message
/// names the setting, and never echoes a secret.
/// </summary>
internal static class AvailabilityOptionsValidator
{
    private const string Section = "Availability";

    public static void Validate(SkillAvailabilityOptions? options, List<string> failures)
    {
        if (options is null)
        {
            failures.Add($"{Section} must not be null; remove the assignment to keep availability off.");
            return;
        }

        if (!options.IsEnabled)
        {
            if (!string.IsNullOrWhiteSpace(options.ClientId) || !string.IsNullOrWhiteSpace(options.Username))
            {
                failures.Add($"{Section}:AccountId is not set, but credentials are: set {Section}:AccountId to the LivePerson account (site) id, or remove the credentials to leave availability off.");
            }

            return;
        }

        if (!options.AccountId.Trim().All(static c => c is >= '0' and <= '9'))
        {
            failures.Add($"{Section}:AccountId is '{options.AccountId}', but a LivePerson account (site) id is numeric, e.g. 12345678.");
        }

        ValidateCredentials(options, failures);
        ValidateDomainApi(options.DomainApi, failures);
        ValidateServiceName(nameof(options.ShiftStatusService), options.ShiftStatusService, failures);
        ValidateServiceName(nameof(options.AgentManagerWorkspaceService), options.AgentManagerWorkspaceService, failures);
        ValidateServiceName(nameof(options.AppTokenService), options.AppTokenService, failures);
        ValidateServiceName(nameof(options.LoginService), options.LoginService, failures);
        ValidateInterval(nameof(options.AgentsRefreshInterval), options.AgentsRefreshInterval, failures);
        ValidateInterval(nameof(options.ShiftRefreshInterval), options.ShiftRefreshInterval, failures);
        if (options.Timeout < TimeSpan.FromSeconds(1) || options.Timeout > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{Section}:Timeout is {options.Timeout}, but must be between 00:00:01 and 00:01:00.");
        }

        if (options.WhenNoAgentsOnline is not (NoAgentsOnlineHandling.QueueAnyway or NoAgentsOnlineHandling.TellUser))
        {
            failures.Add($"{Section}:WhenNoAgentsOnline is {(int)options.WhenNoAgentsOnline}, which is not one of QueueAnyway, TellUser.");
        }
    }

    private static void ValidateCredentials(SkillAvailabilityOptions options, List<string> failures)
    {
        var app = !string.IsNullOrWhiteSpace(options.ClientId) || !string.IsNullOrWhiteSpace(options.ClientSecret);
        var user = !string.IsNullOrWhiteSpace(options.Username) || !string.IsNullOrEmpty(options.Password);
        if (app && user)
        {
            failures.Add($"{Section} has both an app installation ({Section}:ClientId, {Section}:ClientSecret) and a user ({Section}:Username, {Section}:Password); keep one.");
            return;
        }

        if (!app && !user)
        {
            failures.Add($"{Section}:AccountId is set, but no credentials are: set {Section}:ClientId and {Section}:ClientSecret (an app installation, OAuth 2.0 client credentials) or {Section}:Username and {Section}:Password (a LivePerson user). The Conversation Builder API access key does not work for these APIs.");
            return;
        }

        var (idName, id, secretName, secret) = app
            ? ("ClientId", options.ClientId, "ClientSecret", options.ClientSecret)
            : ("Username", options.Username, "Password", options.Password);
        if (string.IsNullOrWhiteSpace(id))
        {
            failures.Add($"{Section}:{idName} is not set, but {Section}:{secretName} is; set both.");
        }
        else if (!TextRules.IsPrintableAscii(id!.Trim()) && app)
        {
            failures.Add($"{Section}:{idName} contains a control or non-ASCII character; copy it again from LivePerson.");
        }

        if (string.IsNullOrEmpty(secret))
        {
            failures.Add($"{Section}:{secretName} is not set, but {Section}:{idName} is; set both.");
        }
        else if (TextRules.HasControlCharacter(secret!))
        {
            // Never echo the secret, not even in part.
            failures.Add($"{Section}:{secretName} contains a control character (for example a line break inside the value); paste it again exactly.");
        }
    }

    private static void ValidateDomainApi(Uri? domainApi, List<string> failures)
    {
        if (domainApi is null || !domainApi.IsAbsoluteUri)
        {
            failures.Add($"{Section}:DomainApi must be an absolute URL, e.g. {SkillAvailabilityOptions.DefaultDomainApi}.");
            return;
        }

        if (domainApi.Scheme == Uri.UriSchemeHttp && !domainApi.IsLoopback)
        {
            failures.Add($"{Section}:DomainApi '{domainApi}' uses plain http on a non-loopback host, which would send the credentials in clear text. Use https, or a loopback host (127.0.0.1, ::1, localhost) for a local emulator.");
        }
        else if (domainApi.Scheme != Uri.UriSchemeHttps && domainApi.Scheme != Uri.UriSchemeHttp)
        {
            failures.Add($"{Section}:DomainApi '{domainApi}' must use https (or http on a loopback host), not '{domainApi.Scheme}'.");
        }

        if (!string.IsNullOrEmpty(domainApi.UserInfo) || domainApi.AbsolutePath != "/" || !string.IsNullOrEmpty(domainApi.Query))
        {
            failures.Add($"{Section}:DomainApi '{domainApi.GetLeftPart(UriPartial.Authority)}…' must be the Domain API's scheme and host only, e.g. {SkillAvailabilityOptions.DefaultDomainApi}.");
        }
    }

    private static void ValidateServiceName(string setting, string? name, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(name) || !name!.Trim().All(static c => c is (>= '0' and <= '9') or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z')))
        {
            failures.Add($"{Section}:{setting} is '{name}', but a Domain API service name is letters and digits (case sensitive), e.g. {DefaultOf(setting)}.");
        }
    }

    private static string DefaultOf(string setting) => setting switch
    {
        nameof(SkillAvailabilityOptions.ShiftStatusService) => SkillAvailabilityOptions.DefaultShiftStatusService,
        nameof(SkillAvailabilityOptions.AgentManagerWorkspaceService) => SkillAvailabilityOptions.DefaultAgentManagerWorkspaceService,
        nameof(SkillAvailabilityOptions.AppTokenService) => SkillAvailabilityOptions.DefaultAppTokenService,
        _ => SkillAvailabilityOptions.DefaultLoginService,
    };

    private static void ValidateInterval(string setting, TimeSpan interval, List<string> failures)
    {
        if (interval < SkillAvailabilityOptions.MinRefreshInterval || interval > SkillAvailabilityOptions.MaxRefreshInterval)
        {
            failures.Add($"{Section}:{setting} is {interval}, but must be between 00:00:01 and 01:00:00.");
        }
    }
}
