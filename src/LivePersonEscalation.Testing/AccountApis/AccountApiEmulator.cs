using LivePersonEscalation.Testing.Internal;
using Microsoft.AspNetCore.Builder;

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
public sealed partial class AccountApiEmulator : IAsyncDisposable
{
    private static readonly Dictionary<string, AccountApi> Services = new(StringComparer.Ordinal)
    {
        [SkillAvailabilityOptions.DefaultShiftStatusService] = AccountApi.ShiftStatus,
        [SkillAvailabilityOptions.DefaultAgentManagerWorkspaceService] = AccountApi.SkillAvailability,
        [SkillAvailabilityOptions.DefaultAppTokenService] = AccountApi.AppToken,
        [SkillAvailabilityOptions.DefaultLoginService] = AccountApi.Login,
        [SkillAvailabilityOptions.DefaultDataReportingService] = AccountApi.QueueHealth,
    };

    private readonly WebApplication _app;
    private readonly AccountApiEmulatorOptions _options;
    private readonly object _gate = new();
    private readonly Dictionary<string, (bool OnShift, DateTimeOffset? NextOn, DateTimeOffset? NextOff)> _shifts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Online, int BackSoon, int Away)> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<AccountApi, int> _calls = [];
    private readonly Dictionary<string, int> _domainLookups = new(StringComparer.Ordinal);
    private readonly Dictionary<AccountApi, (int Status, int Times, TimeSpan? RetryAfter)> _faults = [];
    private readonly Dictionary<string, (TimeSpan? Wait, int Unassigned)> _queues = new(StringComparer.Ordinal);
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

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when the server stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
