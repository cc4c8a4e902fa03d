using System.Text.Json.Nodes;
using LivePersonEscalation.Redis.Tests;
using LivePersonEscalation.Testing;

namespace LivePersonEscalation.Documentation.Tests;

/// <summary>
/// What a README program talks to when the test runs it: an emulator for every LivePerson account its
/// appsettings.json configures (a section with a <c>Region</c>; <c>LivePerson:Escalation</c> when it has none), a
/// local Redis for every <c>Redis:Configuration</c> it names, and a content root holding its appsettings.json.
/// The program reaches them the way the README tells its reader to point it elsewhere: configuration on the
/// command line (<c>--LivePerson:Escalation:Endpoint=…</c>, as the environment variables would) for a host, and the
/// <c>LP_ENDPOINT</c> / <c>LP_KEY</c> environment variables for a console program.
/// </summary>
internal sealed class BlockTargets : IAsyncDisposable
{
    public const string DefaultSection = "LivePerson:Escalation";

    private readonly List<(string Section, EscalationEmulator Emulator)> _accounts = [];
    private readonly List<(string Setting, RedisServer Server)> _redis = [];
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("lpe-readme-").FullName;

    private BlockTargets()
    {
    }

    /// <summary>The configuration sections of LivePerson accounts, each served by its own emulator.</summary>
    public IEnumerable<string> AccountSections => _accounts.Select(account => account.Section);

    /// <summary>Whether the appsettings.json names a Redis.</summary>
    public bool UsesRedis => _redis.Count > 0;

    /// <summary>Escalations the emulators accepted, all accounts together.</summary>
    public int AcceptedEscalations => _accounts.Sum(account => account.Emulator.Escalations.Count);

    /// <summary>Command-line configuration for a host: its content root, then each target.</summary>
    public string[] CommandLine =>
    [
        $"--contentRoot={_contentRoot}",
        .. _accounts.SelectMany(account => new[]
        {
            $"--{account.Section}:Endpoint={account.Emulator.Endpoint}",
            $"--{account.Section}:ApiAccessKey={account.Emulator.ApiAccessKey}",
        }),
        .. _redis.Select(redis => $"--{redis.Setting}={redis.Server.Configuration}"),
    ];

    /// <summary>The environment a console program reads its target from.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["LP_ENDPOINT"] = _accounts[0].Emulator.Endpoint.ToString(),
        ["LP_KEY"] = _accounts[0].Emulator.ApiAccessKey,
    };

    public static async Task<BlockTargets> StartAsync(string? appsettings)
    {
        var targets = new BlockTargets();
        try
        {
            var settings = appsettings is null ? null : JsonNode.Parse(appsettings, documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip });
            if (settings is not null)
            {
                await File.WriteAllTextAsync(Path.Combine(targets._contentRoot, "appsettings.json"), appsettings);
            }

            var accounts = settings is null ? [] : Sections(settings, "").Where(section => section.Node["Region"] is not null).Select(section => section.Path).ToList();
            foreach (var section in accounts.Count > 0 ? accounts : [DefaultSection])
            {
                targets._accounts.Add((section, await EscalationEmulator.StartAsync()));
            }

            var redisSettings = settings is null ? [] : Sections(settings, "")
                .Where(section => section.Path.EndsWith(":Redis", StringComparison.Ordinal) && section.Node["Configuration"] is not null)
                .Select(section => section.Path + ":Configuration");
            foreach (var setting in redisSettings)
            {
                targets._redis.Add((setting, await RedisServer.StartAsync()));
            }

            return targets;
        }
        catch
        {
            await targets.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, emulator) in _accounts)
        {
            await emulator.DisposeAsync();
        }

        foreach (var (_, server) in _redis)
        {
            await server.DisposeAsync();
        }

        Directory.Delete(_contentRoot, recursive: true);
    }

    /// <summary>Every JSON object in the settings, with its configuration path (<c>A:B:C</c>).</summary>
    private static IEnumerable<(string Path, JsonObject Node)> Sections(JsonNode node, string path)
    {
        if (node is not JsonObject obj)
        {
            yield break;
        }

        if (path.Length > 0)
        {
            yield return (path, obj);
        }

        foreach (var (name, child) in obj)
        {
            if (child is not null)
            {
                foreach (var section in Sections(child, path.Length == 0 ? name : $"{path}:{name}"))
                {
                    yield return section;
                }
            }
        }
    }
}
