using System.Diagnostics;
using System.Text.RegularExpressions;
using Garnet;
using StackExchange.Redis;

namespace LivePersonEscalation.Redis.Tests;

/// <summary>
/// A real Redis-protocol server on a free 127.0.0.1 port with persistence off: Debian's <c>redis-server</c> when it is
/// on the PATH (as <c>.ci/run</c> makes sure), else Microsoft Garnet in-process, with Lua on in transaction mode.
/// Never a mock.
/// It can be stopped and started again on the same port, as a Redis that goes down and comes back.
/// </summary>
public sealed partial class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(15);

    private readonly string? _redisServerPath;
    private Process? _process;
    private GarnetServer? _garnet;

    private readonly string[] _arguments;

    private RedisServer(int port, string? redisServerPath, string[] arguments)
    {
        Port = port;
        _redisServerPath = redisServerPath;
        _arguments = arguments;
    }

    /// <summary>True when this is a real redis-server (not Garnet): what a test of Redis's own settings needs.</summary>
    public bool IsRedis => _redisServerPath is not null;

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string of this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    /// <summary>Which server runs: "redis-server 7.x" or "Garnet (in-process)".</summary>
    public string Description { get; private set; } = string.Empty;

    /// <summary>Starts a server; <c>LPE_TEST_REDIS=garnet</c> forces Garnet even where redis-server is installed.</summary>
    /// <param name="arguments">More redis-server arguments, e.g. <c>--maxmemory-policy allkeys-lru</c> (ignored by Garnet).</param>
    public static async Task<RedisServer> StartAsync(params string[] arguments)
    {
        var path = Environment.GetEnvironmentVariable("LPE_TEST_REDIS") == "garnet" ? null : FindOnPath("redis-server");
        var server = new RedisServer(TestUtilities.LoopbackServer.UnusedPort(), path, arguments);
        await server.StartAgainAsync();
        return server;
    }

    public async Task StartAgainAsync()
    {
        if (_redisServerPath is not null)
        {
            var start = new ProcessStartInfo(_redisServerPath)
            {
                ArgumentList = { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in _arguments)
            {
                start.ArgumentList.Add(argument);
            }

            _process = Process.Start(start)!;
            _process.OutputDataReceived += (_, _) => { };
            _process.ErrorDataReceived += (_, _) => { };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }
        else
        {
            // Lua scripts are atomic across connections on Garnet only in its transaction mode, as they always are on Redis.
            _garnet = new GarnetServer(["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--lua", "true", "--lua-transaction-mode", "true"]);
            _garnet.Start();
        }

        var version = await WaitUntilAnsweringAsync();
        Description = _redisServerPath is not null
            ? $"redis-server {version}"
            : $"Garnet {version} in-process ({(Environment.GetEnvironmentVariable("LPE_TEST_REDIS") == "garnet" ? "LPE_TEST_REDIS=garnet" : "redis-server is not on the PATH")})";
    }

    /// <summary>Stops the server, as a Redis that goes down.</summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
            _process = null;
        }

        _garnet?.Dispose();
        _garnet = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>A connection of the test's own, to look at keys and plant claims.</summary>
    /// <summary>True when a key of <paramref name="conversationId"/> appears within <paramref name="bound"/>.</summary>
    public async Task<bool> KeyAppearsAsync(string conversationId, TimeSpan bound)
    {
        await using var connection = await ConnectAsync();
        return await WaitForKeyAsync(connection, conversationId, bound) is not null;
    }

    /// <summary>
    /// True when the guard's entry of <paramref name="conversationId"/> is settled as accepted within
    /// <paramref name="bound"/>: its settle, written in the background, has landed.
    /// </summary>
    public async Task<bool> AcceptedEntryAppearsAsync(string conversationId, TimeSpan bound)
    {
        await using var connection = await ConnectAsync();
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < bound)
        {
            if (await WaitForKeyAsync(connection, conversationId, bound - stopwatch.Elapsed) is { } key
                && IsAccepted((string?)await connection.GetDatabase().StringGetAsync(key)))
            {
                return true;
            }

            await Task.Delay(20);
        }

        return false;
    }

    /// <summary>The guard's key of <paramref name="conversationId"/>, polled for at most <paramref name="bound"/> (10 s), or null.</summary>
    public static async Task<RedisKey?> WaitForKeyAsync(ConnectionMultiplexer connection, string conversationId, TimeSpan? bound = null)
    {
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < (bound ?? TimeSpan.FromSeconds(10)))
        {
            var keys = server.Keys(pattern: "*:" + conversationId + "}").ToList();
            if (keys.Count > 0)
            {
                return keys[0];
            }

            await Task.Delay(20);
        }

        return null;
    }

    public Task<ConnectionMultiplexer> ConnectAsync() => ConnectionMultiplexer.ConnectAsync(Configuration + ",allowAdmin=true");

    private async Task<string> WaitUntilAnsweringAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = await ConnectionMultiplexer.ConnectAsync(Configuration + ",allowAdmin=true,connectTimeout=500");
                var server = connection.GetServer(connection.GetEndPoints()[0]);
                await server.PingAsync();
                return server.Version.ToString();
            }
            catch (RedisConnectionException) when (deadline.Elapsed < StartBound)
            {
                await Task.Delay(50);
            }
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);

    /// <summary>True when <paramref name="record"/>, a guard record's text, says its escalation was accepted.</summary>
    public static bool IsAccepted(string? record) => record is not null && AcceptedState().IsMatch(record);

    [GeneratedRegex("\"state\":2[,}]")]
    private static partial Regex AcceptedState();
}
