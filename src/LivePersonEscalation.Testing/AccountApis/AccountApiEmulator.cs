using System.Buffers;
using System.Globalization;
using System.Text.Json;
using LivePersonEscalation.Testing.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LivePersonEscalation.Testing;

/// <summary>
/// A local emulator of the LivePerson account APIs skill availability reads (<see cref="SkillAvailabilityOptions"/>):
/// the Domain API (every service on this one server), the app token, the Login Service, the Shift Status API and the
/// Agent Manager Workspace's skill availabilities. A real HTTP server (Kestrel) on loopback whose state a test sets
/// (shifts, agents per skill, faults, slow answers) and which counts every call it gets.
/// </summary>
/// <example>
/// <code>
/// await using var accountApis = await AccountApiEmulator.StartAsync();
/// accountApis.SetShift("123456", onShift: false, nextOn: DateTimeOffset.UtcNow.AddHours(2));
/// accountApis.SetAgents("234567", online: 2);
/// accountApis.Configure(options.Availability); // AccountId, ClientId, ClientSecret, DomainApi
/// </code>
/// </example>
public sealed class AccountApiEmulator : IAsyncDisposable
{
    private static readonly Dictionary<string, AccountApi> Services = new(StringComparer.Ordinal)
    {
        [SkillAvailabilityOptions.DefaultShiftStatusService] = AccountApi.ShiftStatus,
        [SkillAvailabilityOptions.DefaultAgentManagerWorkspaceService] = AccountApi.SkillAvailability,
        [SkillAvailabilityOptions.DefaultAppTokenService] = AccountApi.AppToken,
        [SkillAvailabilityOptions.DefaultLoginService] = AccountApi.Login,
    };

    private readonly WebApplication _app;
    private readonly AccountApiEmulatorOptions _options;
    private readonly object _gate = new();
    private readonly Dictionary<string, (bool OnShift, DateTimeOffset? NextOn, DateTimeOffset? NextOff)> _shifts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Online, int BackSoon, int Away)> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<AccountApi, int> _calls = [];
    private readonly Dictionary<string, int> _domainLookups = new(StringComparer.Ordinal);
    private readonly Dictionary<AccountApi, (int Status, int Times)> _faults = [];
    private readonly Dictionary<AccountApi, TimeSpan> _delays = [];
    private readonly HashSet<string> _tokens = new(StringComparer.Ordinal);
    private (bool OnShift, DateTimeOffset? NextOn, DateTimeOffset? NextOff) _accountShift = (true, null, null);
    private int _issued;

    private AccountApiEmulator(WebApplication app, AccountApiEmulatorOptions options)
    {
        _app = app;
        _options = options;
    }

    /// <summary>The Domain API's address, e.g. <c>http://127.0.0.1:54321/</c>: set <see cref="SkillAvailabilityOptions.DomainApi"/> to it.</summary>
    public Uri DomainApi { get; private set; } = null!;

    /// <summary>The account the emulator serves.</summary>
    public string AccountId => _options.AccountId;

    /// <summary>Starts an emulator on a free loopback port.</summary>
    /// <param name="options">Account, address, port, token lifetime; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop.</returns>
    public static async Task<AccountApiEmulator> StartAsync(AccountApiEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AccountApiEmulatorOptions();
        AccountApiEmulator? emulator = null;
        var (app, baseAddress) = await LoopbackHost.StartAsync(options.Address, options.Port, context => emulator!.ServeAsync(context), configure: null, cancellationToken).ConfigureAwait(false);
        emulator = new AccountApiEmulator(app, options) { DomainApi = baseAddress };
        return emulator;
    }

    /// <summary>Points <paramref name="options"/> at the emulator: account, Domain API and the credentials it accepts.</summary>
    /// <param name="options">The availability options to set.</param>
    /// <param name="login">True for the Login Service's user; false (the default) for the app token's client credentials.</param>
    public void Configure(SkillAvailabilityOptions options, bool login = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var setting in Settings(login))
        {
            switch (setting.Key)
            {
                case nameof(SkillAvailabilityOptions.AccountId): options.AccountId = setting.Value; break;
                case nameof(SkillAvailabilityOptions.DomainApi): options.DomainApi = new Uri(setting.Value); break;
                case nameof(SkillAvailabilityOptions.ClientId): options.ClientId = setting.Value; break;
                case nameof(SkillAvailabilityOptions.ClientSecret): options.ClientSecret = setting.Value; break;
                case nameof(SkillAvailabilityOptions.Username): options.Username = setting.Value; break;
                default: options.Password = setting.Value; break;
            }
        }
    }

    /// <summary>The settings that point availability at the emulator, keyed by <see cref="SkillAvailabilityOptions"/> names, for configuration (<c>LivePerson:Escalation:Availability:{key}</c>).</summary>
    /// <param name="login">True for the Login Service's user; false for the app token.</param>
    /// <returns>AccountId, DomainApi and the credentials.</returns>
    public IReadOnlyDictionary<string, string> Settings(bool login = false) => login
        ? new Dictionary<string, string>
        {
            [nameof(SkillAvailabilityOptions.AccountId)] = AccountId,
            [nameof(SkillAvailabilityOptions.DomainApi)] = DomainApi.ToString(),
            [nameof(SkillAvailabilityOptions.Username)] = AccountApiEmulatorOptions.DefaultUsername,
            [nameof(SkillAvailabilityOptions.Password)] = AccountApiEmulatorOptions.DefaultPassword,
        }
        : new Dictionary<string, string>
        {
            [nameof(SkillAvailabilityOptions.AccountId)] = AccountId,
            [nameof(SkillAvailabilityOptions.DomainApi)] = DomainApi.ToString(),
            [nameof(SkillAvailabilityOptions.ClientId)] = AccountApiEmulatorOptions.DefaultClientId,
            [nameof(SkillAvailabilityOptions.ClientSecret)] = AccountApiEmulatorOptions.DefaultClientSecret,
        };

    /// <summary>Sets a skill's shift; skills not set answer with the account's shift (<see cref="SetAccountShift"/>, on shift 24/7 by default).</summary>
    /// <param name="skillId">The numeric skill id.</param>
    /// <param name="onShift">Whether it is on shift now.</param>
    /// <param name="nextOn">When its next shift starts (null for 24/7).</param>
    /// <param name="nextOff">When its shift ends next (null for 24/7).</param>
    public void SetShift(string skillId, bool onShift, DateTimeOffset? nextOn = null, DateTimeOffset? nextOff = null)
    {
        lock (_gate)
        {
            _shifts[skillId] = (onShift, nextOn, nextOff);
        }
    }

    /// <summary>Sets the account-level shift, which every skill without its own follows.</summary>
    /// <param name="onShift">Whether the account is on shift now.</param>
    /// <param name="nextOn">When its next shift starts.</param>
    /// <param name="nextOff">When its shift ends next.</param>
    public void SetAccountShift(bool onShift, DateTimeOffset? nextOn = null, DateTimeOffset? nextOff = null)
    {
        lock (_gate)
        {
            _accountShift = (onShift, nextOn, nextOff);
        }
    }

    /// <summary>Sets the agents of a skill; a skill with none at all is not listed, as LivePerson answers.</summary>
    /// <param name="skillId">The numeric skill id.</param>
    /// <param name="online">Agents online.</param>
    /// <param name="backSoon">Agents back soon.</param>
    /// <param name="away">Agents away.</param>
    public void SetAgents(string skillId, int online, int backSoon = 0, int away = 0)
    {
        lock (_gate)
        {
            _agents[skillId] = (online, backSoon, away);
        }
    }

    /// <summary>Makes <paramref name="api"/> answer <paramref name="statusCode"/> (e.g. 500) for its next <paramref name="times"/> calls, or until <see cref="Heal"/>.</summary>
    /// <param name="api">The API.</param>
    /// <param name="statusCode">The status to answer.</param>
    /// <param name="times">How many calls; all of them by default.</param>
    public void Fail(AccountApi api, int statusCode, int times = int.MaxValue)
    {
        lock (_gate)
        {
            _faults[api] = (statusCode, times);
        }
    }

    /// <summary>Makes <paramref name="api"/> wait <paramref name="delay"/> (on <see cref="AccountApiEmulatorOptions.TimeProvider"/>) before it answers, until <see cref="Heal"/>.</summary>
    /// <param name="api">The API.</param>
    /// <param name="delay">How long each answer takes.</param>
    public void Delay(AccountApi api, TimeSpan delay)
    {
        lock (_gate)
        {
            _delays[api] = delay;
        }
    }

    /// <summary>Ends the faults and delays of every API.</summary>
    public void Heal()
    {
        lock (_gate)
        {
            _faults.Clear();
            _delays.Clear();
        }
    }

    /// <summary>Revokes every token issued so far: the next call with one answers 401, as an expired or revoked token does.</summary>
    public void RevokeTokens()
    {
        lock (_gate)
        {
            _tokens.Clear();
        }
    }

    /// <summary>How many calls <paramref name="api"/> got so far, answered or failed.</summary>
    /// <param name="api">The API.</param>
    /// <returns>The number of calls.</returns>
    public int CallsTo(AccountApi api)
    {
        lock (_gate)
        {
            return _calls.GetValueOrDefault(api);
        }
    }

    /// <summary>How many times the Domain API was asked for <paramref name="serviceName"/>.</summary>
    /// <param name="serviceName">A service name, e.g. <c>sentinel</c>.</param>
    /// <returns>The number of lookups.</returns>
    public int DomainLookupsOf(string serviceName)
    {
        lock (_gate)
        {
            return _domainLookups.GetValueOrDefault(serviceName);
        }
    }

    /// <summary>Forgets the counted calls (state and faults stay).</summary>
    public void ResetCalls()
    {
        lock (_gate)
        {
            _calls.Clear();
            _domainLookups.Clear();
        }
    }

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when the server stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task ServeAsync(HttpContext context)
    {
        var request = context.Request;
        var account = "/api/account/" + AccountId + "/";
        var (api, route) = Route(request.Method, request.Path.Value ?? "/", account);
        if (api is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        int? fault;
        TimeSpan delay;
        lock (_gate)
        {
            _calls[api.Value] = _calls.GetValueOrDefault(api.Value) + 1;
            if (api == AccountApi.Domain)
            {
                _domainLookups[route] = _domainLookups.GetValueOrDefault(route) + 1;
            }

            fault = null;
            if (_faults.TryGetValue(api.Value, out var scripted) && scripted.Times > 0)
            {
                fault = scripted.Status;
                _faults[api.Value] = (scripted.Status, scripted.Times - 1);
            }

            delay = _delays.GetValueOrDefault(api.Value);
        }

        if (delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, _options.TimeProvider, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return; // the client gave up
            }
        }

        if (fault is { } status)
        {
            context.Response.StatusCode = status;
            await WriteJsonAsync(context, writer => { writer.WriteStartObject(); writer.WriteString("error", "scripted fault"); writer.WriteEndObject(); }, status).ConfigureAwait(false);
            return;
        }

        switch (api.Value)
        {
            case AccountApi.Domain:
                await ServeDomainAsync(context, route).ConfigureAwait(false);
                break;
            case AccountApi.AppToken:
                await ServeAppTokenAsync(context).ConfigureAwait(false);
                break;
            case AccountApi.Login:
                await ServeLoginAsync(context).ConfigureAwait(false);
                break;
            case AccountApi.ShiftStatus when Authorized(request):
                await ServeShiftAsync(context, route).ConfigureAwait(false);
                break;
            case AccountApi.SkillAvailability when Authorized(request):
                await ServeAgentsAsync(context).ConfigureAwait(false);
                break;
            default:
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                break;
        }
    }

    private (AccountApi? Api, string Route) Route(string method, string path, string account)
    {
        if (HttpMethods.IsGet(method) && path.StartsWith(account + "service/", StringComparison.Ordinal) && path.EndsWith("/baseURI.json", StringComparison.Ordinal))
        {
            return (AccountApi.Domain, path[(account.Length + "service/".Length)..^"/baseURI.json".Length]);
        }

        if (HttpMethods.IsPost(method) && path == "/sentinel/api/v2/account/" + AccountId + "/app/token")
        {
            return (AccountApi.AppToken, string.Empty);
        }

        if (HttpMethods.IsPost(method) && path == account + "login")
        {
            return (AccountApi.Login, string.Empty);
        }

        if (HttpMethods.IsGet(method) && path == account + "shift-status")
        {
            return (AccountApi.ShiftStatus, string.Empty);
        }

        if (HttpMethods.IsGet(method) && path.StartsWith(account + "skills/", StringComparison.Ordinal) && path.EndsWith("/shift-status-skill", StringComparison.Ordinal))
        {
            return (AccountApi.ShiftStatus, path[(account.Length + "skills/".Length)..^"/shift-status-skill".Length]);
        }

        if (HttpMethods.IsPost(method) && path == "/manager_workspace" + account + "skill/availability")
        {
            return (AccountApi.SkillAvailability, string.Empty);
        }

        return (null, string.Empty);
    }

    private bool Authorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        lock (_gate)
        {
            return header.StartsWith("Bearer ", StringComparison.Ordinal) && _tokens.Contains(header["Bearer ".Length..]);
        }
    }

    private string IssueToken()
    {
        lock (_gate)
        {
            var token = "emulator-token-" + (++_issued).ToString(CultureInfo.InvariantCulture);
            _tokens.Add(token);
            return token;
        }
    }

    private Task ServeDomainAsync(HttpContext context, string service)
    {
        if (!Services.ContainsKey(service))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return WriteJsonAsync(context, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("service", service);
            writer.WriteString("account", AccountId);
            writer.WriteString("baseURI", DomainApi.Authority);
            writer.WriteEndObject();
        });
    }

    private async Task ServeAppTokenAsync(HttpContext context)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false) : null;
        if (form is null || form["grant_type"] != "client_credentials" || form["client_id"] != AccountApiEmulatorOptions.DefaultClientId || form["client_secret"] != AccountApiEmulatorOptions.DefaultClientSecret)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var token = IssueToken();
        await WriteJsonAsync(context, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("access_token", token);
            writer.WriteString("token_type", "Bearer");
            writer.WriteNumber("expires_in", (long)_options.TokenLifetime.TotalSeconds);
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private async Task ServeLoginAsync(HttpContext context)
    {
        string? username = null;
        string? password = null;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            username = body.RootElement.TryGetProperty("username", out var u) ? u.GetString() : null;
            password = body.RootElement.TryGetProperty("password", out var p) ? p.GetString() : null;
        }
        catch (JsonException)
        {
            // A body that is not JSON is refused below.
        }

        if (username != AccountApiEmulatorOptions.DefaultUsername || password != AccountApiEmulatorOptions.DefaultPassword)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var token = IssueToken();
        await WriteJsonAsync(context, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("bearer", token);
            writer.WriteString("sessionTTl", ((long)_options.TokenLifetime.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private Task ServeShiftAsync(HttpContext context, string skillId)
    {
        lock (_gate)
        {
            if (skillId.Length > 0)
            {
                var shift = _shifts.TryGetValue(skillId, out var own) ? own : _accountShift;
                return WriteJsonAsync(context, writer => WriteShift(writer, skillId, shift));
            }

            var all = _shifts.ToArray();
            return WriteJsonAsync(context, writer =>
            {
                writer.WriteStartArray();
                foreach (var (id, shift) in all)
                {
                    WriteShift(writer, id, shift);
                }

                writer.WriteEndArray();
            });
        }
    }

    private static void WriteShift(Utf8JsonWriter writer, string skillId, (bool OnShift, DateTimeOffset? NextOn, DateTimeOffset? NextOff) shift)
    {
        writer.WriteStartObject();
        writer.WriteNumber("skillId", long.Parse(skillId, CultureInfo.InvariantCulture));
        writer.WriteBoolean("onShift", shift.OnShift);
        WriteEpoch(writer, "nextOn", shift.NextOn);
        WriteEpoch(writer, "nextOff", shift.NextOff);
        writer.WriteEndObject();
    }

    private static void WriteEpoch(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            writer.WriteNumber(name, time.ToUnixTimeMilliseconds());
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private Task ServeAgentsAsync(HttpContext context)
    {
        KeyValuePair<string, (int Online, int BackSoon, int Away)>[] listed;
        lock (_gate)
        {
            listed = _agents.Where(a => a.Value.Online + a.Value.BackSoon + a.Value.Away > 0).ToArray();
        }

        return WriteJsonAsync(context, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("metadata");
            writer.WriteNumber("count", listed.Length);
            writer.WriteEndObject();
            writer.WriteStartArray("skillAvailabilities");
            foreach (var (id, agents) in listed)
            {
                writer.WriteStartObject();
                writer.WriteNumber("skillId", long.Parse(id, CultureInfo.InvariantCulture));
                // Absent counts are 0, as LivePerson leaves them out.
                if (agents.Online > 0)
                {
                    writer.WriteNumber("onlineAgents", agents.Online);
                }

                if (agents.BackSoon > 0)
                {
                    writer.WriteNumber("backSoonAgents", agents.BackSoon);
                }

                if (agents.Away > 0)
                {
                    writer.WriteNumber("awayAgents", agents.Away);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static async Task WriteJsonAsync(HttpContext context, Action<Utf8JsonWriter> write, int status = StatusCodes.Status200OK)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }
}
