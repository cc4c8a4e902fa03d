using System.CommandLine;
using System.Globalization;
using LivePersonEscalation.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LivePersonEscalation.ConsoleSample;

/// <summary>
/// The <c>availability</c> command: each configured skill's shift and agents as LivePerson's account APIs tell them,
/// as a small table. On the embedded account-API emulator by default; for a real account with <c>--account-id</c> and
/// credentials. Exit 0 when every skill is known, 1 when one is unknown (the reason is printed), 2 for bad input.
/// </summary>
internal static class AvailabilityCommand
{
    private static readonly Option<string> AccountId = new("--account-id") { Description = "LivePerson account (site) id; without it, the embedded emulator." };
    private static readonly Option<string> ClientId = new("--client-id") { Description = "App installation client id (or LivePerson__Escalation__Availability__ClientId)." };
    private static readonly Option<string> ClientSecret = new("--client-secret") { Description = "App installation client secret; prefer LivePerson__Escalation__Availability__ClientSecret (arguments show in ps and shell history)." };
    private static readonly Option<string> Username = new("--username") { Description = "LivePerson user for the Login Service, instead of an app installation." };
    private static readonly Option<string> Password = new("--password") { Description = "That user's password; prefer LivePerson__Escalation__Availability__Password." };
    private static readonly Option<string> DomainApi = new("--domain-api") { Description = "LivePerson's Domain API (default https://api.liveperson.net); http only on loopback, for an emulator." };
    private static readonly Option<string[]> Skills = new("--skill") { Description = "A skill to show, as name=id (repeatable); default: LivePerson:Escalation:Skills.", AllowMultipleArgumentsPerToken = false };

    private static readonly (string Name, string Id)[] DemoSkills = [("billing", "123456"), ("general", "100200300"), ("sales", "234567")];

    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("availability", "Prints each configured skill's shift status and agents online, from LivePerson's account APIs (the embedded emulator by default).")
        {
            AccountId, ClientId, ClientSecret, Username, Password, DomainApi, Skills,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, output, error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build()
            .GetSection(EscalationOptions.SectionName);

        var skills = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var skill in parse.GetValue(Skills) ?? [])
        {
            var parts = skill.Split('=', 2);
            if (parts.Length != 2 || parts[0].Trim().Length == 0)
            {
                await error.WriteLineAsync($"error: --skill '{skill}' is not name=id; e.g. --skill billing=123456.");
                return ExitCode.InvalidInput;
            }

            skills[parts[0].Trim()] = parts[1].Trim();
        }

        if (parse.GetValue(DomainApi) is { } domainApi && !Uri.TryCreate(domainApi, UriKind.Absolute, out _))
        {
            await error.WriteLineAsync($"error: --domain-api '{domainApi}' is not an absolute URL; e.g. {SkillAvailabilityOptions.DefaultDomainApi}.");
            return ExitCode.InvalidInput;
        }

        var real = parse.GetValue(AccountId) is not null || !string.IsNullOrWhiteSpace(configuration["Availability:AccountId"]);
        await using var accountApis = real ? null : await AccountApiEmulator.StartAsync(cancellationToken: cancellationToken);
        if (accountApis is not null)
        {
            SeedDemo(accountApis, DateTimeOffset.UtcNow);
            foreach (var (name, id) in DemoSkills)
            {
                skills.TryAdd(name, id);
            }

            await output.WriteLineAsync($"Account: the embedded account-API emulator at {accountApis.DomainApi} (no LivePerson account needed).");
        }

        var services = new ServiceCollection();
        services.AddLivePersonEscalation(configuration).AddSkillAvailability(options =>
        {
            ApplyFlags(options, parse);
            if (accountApis is not null)
            {
                accountApis.Configure(options);
                options.QueueHealth.Enabled = true; // the embedded account's queue health says each skill's wait
            }
        });
        services.Configure<EscalationOptions>(options =>
        {
            // This command escalates nothing: the Conversation Builder key is not used, only required by the options.
            if (string.IsNullOrWhiteSpace(options.ApiAccessKey))
            {
                options.ApiAccessKey = "not-used-by-the-availability-command";
            }

            foreach (var skill in skills)
            {
                options.Skills[skill.Key] = skill.Value;
            }
        });
        await using var provider = services.BuildServiceProvider();

        ISkillAvailabilitySnapshot availability;
        EscalationOptions settings;
        try
        {
            settings = provider.GetRequiredService<IOptions<EscalationOptions>>().Value;
            availability = provider.GetRequiredService<ISkillAvailabilitySnapshot>();
        }
        catch (OptionsValidationException ex)
        {
            await error.WriteLineAsync($"error: invalid configuration: {string.Join(" ", ex.Failures)}");
            return ExitCode.InvalidInput;
        }

        if (!availability.IsEnabled || settings.Skills.Count == 0)
        {
            await error.WriteLineAsync("error: availability needs --account-id with credentials (--client-id and --client-secret, or --username and --password) and at least one skill (--skill name=id or LivePerson:Escalation:Skills).");
            return ExitCode.InvalidInput;
        }

        var answers = await availability.GetAllAsync(cancellationToken);
        answers = await WithWaitsAsync(availability, answers, TimeSpan.FromSeconds(5), cancellationToken);
        var names = settings.Skills.GroupBy(s => s.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => string.Join("/", g.Select(s => s.Key)), StringComparer.Ordinal);
        await WriteTableAsync(output, answers, names);
        foreach (var unknown in answers.Where(a => a.UnknownReason is not null))
        {
            await error.WriteLineAsync($"skill {unknown.SkillId}: {unknown.UnknownReason}");
        }

        return answers.All(a => a.IsKnown) ? ExitCode.Escalated : ExitCode.Failed;
    }

    private static async Task WriteTableAsync(TextWriter output, IReadOnlyList<SkillAvailability> answers, Dictionary<string, string> names)
    {
        string[] header = ["skill", "id", "shift", "next change (UTC)", "online", "back soon", "away", "wait", "age"];
        var rows = answers.Select(a => new[]
        {
            names.GetValueOrDefault(a.SkillId, string.Empty),
            a.SkillId,
            a.OnShift is { } on ? on ? "on" : "off" : "unknown",
            NextChange(a),
            Count(a.OnlineAgents),
            Count(a.BackSoonAgents),
            Count(a.AwayAgents),
            a.ExpectedWait is { } wait ? $"{Math.Ceiling(wait.TotalMinutes):0} min" : "-",
            a.Age is { } age ? $"{(long)age.TotalSeconds} s" : "-",
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        await output.WriteLineAsync(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        foreach (var row in rows)
        {
            await output.WriteLineAsync(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }
    }

    private static string NextChange(SkillAvailability availability) => availability switch
    {
        { OnShift: false, NextOn: { } on } => "opens " + on.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        { OnShift: true, NextOff: { } off } => "closes " + off.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        { OnShift: not null } => "-",
        _ => "?",
    };

    private static string Count(int? count) => count?.ToString(CultureInfo.InvariantCulture) ?? "?";

    private static void ApplyFlags(SkillAvailabilityOptions options, ParseResult parse)
    {
        options.AccountId = parse.GetValue(AccountId) ?? options.AccountId;
        options.ClientId = parse.GetValue(ClientId) ?? options.ClientId;
        options.ClientSecret = parse.GetValue(ClientSecret) ?? options.ClientSecret;
        options.Username = parse.GetValue(Username) ?? options.Username;
        options.Password = parse.GetValue(Password) ?? options.Password;
        if (parse.GetValue(DomainApi) is { } domainApi)
        {
            options.DomainApi = new Uri(domainApi);
        }
    }

    /// <summary>The demo account: billing on shift with agents, general on shift with nobody online, sales off shift for the next hour.</summary>
    private static void SeedDemo(AccountApiEmulator accountApis, DateTimeOffset now)
    {
        var nextHour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddHours(1);
        accountApis.SetShift("123456", onShift: true, nextOff: nextHour.AddHours(8));
        accountApis.SetAgents("123456", online: 2, backSoon: 1);
        accountApis.SetShift("100200300", onShift: true);
        accountApis.SetAgents("100200300", online: 0, away: 1);
        accountApis.SetShift("234567", onShift: false, nextOn: nextHour, nextOff: nextHour.AddHours(8));
        accountApis.SetQueueHealth("123456", TimeSpan.FromSeconds(200), unassignedConversations: 3);
        accountApis.SetQueueHealth("100200300", TimeSpan.FromMinutes(12), unassignedConversations: 9);
    }

    /// <summary>
    /// The answers once the queue health (fetched in the background, never waited for by an escalation) has come, for
    /// this table only, at most <paramref name="bound"/>; as they are when it is off or does not come.
    /// </summary>
    private static async Task<IReadOnlyList<SkillAvailability>> WithWaitsAsync(ISkillAvailabilitySnapshot availability, IReadOnlyList<SkillAvailability> answers, TimeSpan bound, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + bound;
        while (answers.Any(a => a.ExpectedWaitUnknownReason == "the queue health is not fetched yet") && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
            answers = await availability.GetAllAsync(cancellationToken);
        }

        return answers;
    }
}
