using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LivePersonEscalation.Internal;

/// <summary>
/// The HTTP calls to LivePerson's account APIs: the Domain API (each service's host, cached for hours), the token
/// (the OAuth 2.0 app token or the Login Service's bearer, cached until shortly before it expires, fetched again once
/// on a 401), the shift status and the skill availabilities. Every call is bounded by
/// <see cref="SkillAvailabilityOptions.Timeout"/> and fails with an <see cref="AccountApiException"/> naming the API.
/// </summary>
internal sealed class AccountApiClient
{
    /// <summary>How long a host from the Domain API is used before it is asked again; the last known host stays in use while it cannot be.</summary>
    public static readonly TimeSpan DomainLifetime = TimeSpan.FromHours(6);

    /// <summary>The lifetime assumed for a token whose answer names none.</summary>
    public static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromMinutes(10);

    private const int MaxBodyBytes = 1024 * 1024;

    private readonly Func<HttpClient> _http;
    private readonly AvailabilitySettings _settings;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, SharedFetch<Uri>> _hosts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Uri> _lastKnownHosts = new(StringComparer.Ordinal);
    private readonly SharedFetch<string> _token;

    public AccountApiClient(Func<HttpClient> http, AvailabilitySettings settings, TimeProvider time)
    {
        _http = http;
        _settings = settings;
        _time = time;
        _token = new SharedFetch<string>(time);
    }

    /// <summary>Every skill's shift status in one call: the account-level method, for a user's bearer (Login Service).</summary>
    public async Task<IReadOnlyDictionary<string, ShiftStatusAnswer>> GetAccountShiftsAsync(CancellationToken cancellationToken)
    {
        var account = Uri.EscapeDataString(_settings.AccountId);
        var all = await SendAsync(
            _settings.ShiftStatusService,
            "Shift Status API",
            host => new HttpRequestMessage(HttpMethod.Get, new Uri(host, $"api/account/{account}/shift-status")),
            AccountApiJsonContext.Default.ListAccountShiftStatus,
            authorized: true,
            cancellationToken).ConfigureAwait(false);
        var bySkill = new Dictionary<string, ShiftStatusAnswer>(StringComparer.Ordinal);
        foreach (var entry in all)
        {
            if (entry.SkillId is { } id)
            {
                bySkill[SkillIds.Canonical(id)] = entry;
            }
        }

        return bySkill;
    }

    /// <summary>One skill's shift status: the skill-level method, for an app token.</summary>
    public Task<ShiftStatusAnswer> GetSkillShiftAsync(string skillId, CancellationToken cancellationToken)
    {
        var account = Uri.EscapeDataString(_settings.AccountId);
        return SendAsync(
            _settings.ShiftStatusService,
            "Shift Status API",
            host => new HttpRequestMessage(HttpMethod.Get, new Uri(host, $"api/account/{account}/skills/{Uri.EscapeDataString(skillId)}/shift-status-skill")),
            AccountApiJsonContext.Default.ShiftStatusAnswer,
            authorized: true,
            cancellationToken);
    }

    /// <summary>The agents online, back soon and away per skill (human agents only); skills not listed have none.</summary>
    public async Task<IReadOnlyDictionary<string, SkillAgents>> GetAgentsAsync(CancellationToken cancellationToken)
    {
        var account = Uri.EscapeDataString(_settings.AccountId);
        var answer = await SendAsync(
            _settings.AgentManagerWorkspaceService,
            "Agent Manager Workspace API",
            host => new HttpRequestMessage(HttpMethod.Post, new Uri(host, $"manager_workspace/api/account/{account}/skill/availability"))
            {
                Content = JsonContent(new AgentsRequest(), AccountApiJsonContext.Default.AgentsRequest),
            },
            AccountApiJsonContext.Default.AgentsAnswer,
            authorized: true,
            cancellationToken).ConfigureAwait(false);
        var bySkill = new Dictionary<string, SkillAgents>(StringComparer.Ordinal);
        foreach (var skill in answer.SkillAvailabilities ?? [])
        {
            if (skill.SkillId is { } id)
            {
                bySkill[SkillIds.Canonical(id)] = skill;
            }
        }

        return bySkill;
    }

    private static ByteArrayContent JsonContent<T>(T value, JsonTypeInfo<T> type)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, type));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private async Task<T> SendAsync<T>(string service, string api, Func<Uri, HttpRequestMessage> build, JsonTypeInfo<T> type, bool authorized, CancellationToken cancellationToken)
    {
        var host = await HostAsync(service, cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var token = authorized ? await _token.GetAsync(FetchTokenAsync, cancellationToken).ConfigureAwait(false) : null;
            using var request = build(host);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            var (status, body) = await SendOnceAsync(request, api, cancellationToken).ConfigureAwait(false);
            if (status == HttpStatusCode.Unauthorized && token is not null && attempt == 1)
            {
                // The token expired early or was revoked: fetch another, once, and go on.
                _token.Invalidate(token);
                continue;
            }

            if ((int)status is < 200 or > 299)
            {
                throw new AccountApiException(status switch
                {
                    HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                        $"the {api} refused the token (HTTP {(int)status}{(attempt > 1 ? ", a freshly fetched one too" : string.Empty)}): check that the {(_settings.UsesAppToken ? "app installation" : "user")} has access to it (see the package README).",
                    >= (HttpStatusCode)300 and < (HttpStatusCode)400 => $"the {api} answered a redirect (HTTP {(int)status}), which is never followed: check Availability:DomainApi and the service names.",
                    _ => $"the {api} answered HTTP {(int)status}.",
                });
            }

            return Parse(body, type, api);
        }
    }

    private async Task<(HttpStatusCode Status, byte[] Body)> SendOnceAsync(HttpRequestMessage request, string api, CancellationToken cancellationToken)
    {
        using var timeout = new LinkedTimeout(_settings.Timeout, _time, cancellationToken);
        try
        {
            using var response = await _http().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);

            // Where a body read ignores the token once started (.NET Framework), the timeout ends it by disposing.
            using var abort = timeout.Token.Register(static state => ((HttpResponseMessage)state!).Dispose(), response);
            return (response.StatusCode, await ReadBodyAsync(response.Content, api, timeout.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException ex) when (timeout.TimedOut && !cancellationToken.IsCancellationRequested)
        {
            throw new AccountApiException($"the {api} did not answer within {_settings.Timeout.TotalSeconds:0.#} s (Availability:Timeout).", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new AccountApiException($"the {api} could not be reached ({ex.Message})", ex);
        }
        catch (ObjectDisposedException ex) when (timeout.TimedOut && !cancellationToken.IsCancellationRequested)
        {
            throw new AccountApiException($"the {api} did not finish its answer within {_settings.Timeout.TotalSeconds:0.#} s (Availability:Timeout).", ex);
        }
        catch (IOException ex)
        {
            throw new AccountApiException($"the {api} broke off its answer ({ex.Message})", ex);
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContent content, string api, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxBodyBytes)
        {
            throw new AccountApiException($"the {api} answered with more than {MaxBodyBytes} bytes.");
        }

#if NET
        using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
#if NET
        while ((read = await stream.ReadAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
#else
        while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
#endif
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw new AccountApiException($"the {api} answered with more than {MaxBodyBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static T Parse<T>(byte[] body, JsonTypeInfo<T> type, string api)
    {
        try
        {
            return JsonSerializer.Deserialize(body, type) ?? throw new AccountApiException($"the {api} answered null.");
        }
        catch (JsonException ex)
        {
            // The position, not the text: a body may hold a token.
            throw new AccountApiException($"the {api} answered JSON the library cannot read (line {ex.LineNumber}, byte {ex.BytePositionInLine}).", ex);
        }
    }

    /// <summary>The base URI of <paramref name="service"/> from the Domain API, shared and cached.</summary>
    private Task<Uri> HostAsync(string service, CancellationToken cancellationToken) =>
        _hosts.GetOrAdd(service, _ => new SharedFetch<Uri>(_time)).GetAsync(() => LookUpHostAsync(service), cancellationToken);

    private async Task<(Uri Value, TimeSpan Lifetime)> LookUpHostAsync(string service)
    {
        try
        {
            var account = Uri.EscapeDataString(_settings.AccountId);
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_settings.DomainApi, $"api/account/{account}/service/{Uri.EscapeDataString(service)}/baseURI.json?version=1.0"));
            var (status, body) = await SendOnceAsync(request, "Domain API", CancellationToken.None).ConfigureAwait(false);
            if ((int)status is < 200 or > 299)
            {
                throw new AccountApiException(status == HttpStatusCode.NotFound
                    ? $"the Domain API does not know the service '{service}' for account {_settings.AccountId} (HTTP 404): check Availability:AccountId and the service names (case sensitive)."
                    : $"the Domain API answered HTTP {(int)status} for the service '{service}'.");
            }

            var host = HostOf(Parse(body, AccountApiJsonContext.Default.DomainAnswer, "Domain API").BaseUri, service);
            _lastKnownHosts[service] = host;
            return (host, DomainLifetime);
        }
        catch (AccountApiException) when (_lastKnownHosts.TryGetValue(service, out var lastKnown))
        {
            // The Domain API is down but the host is known: keep using it, and ask again in a while.
            return (lastKnown, TimeSpan.FromMinutes(1));
        }
    }

    private Uri HostOf(string? baseUri, string service)
    {
        // A host (and port), never a path or a scheme of its own: the scheme is the Domain API's.
        if (string.IsNullOrWhiteSpace(baseUri)
            || baseUri!.IndexOfAny(['/', '?', '#', '@', ' ']) >= 0
            || !Uri.TryCreate($"{_settings.Scheme}://{baseUri.Trim()}/", UriKind.Absolute, out var host))
        {
            throw new AccountApiException($"the Domain API named no usable host for the service '{service}'.");
        }

        if (host.Scheme == Uri.UriSchemeHttp && !host.IsLoopback)
        {
            throw new AccountApiException($"the Domain API at {_settings.DomainApi.Host} (plain http) named the non-loopback host {host.Host} for '{service}'; credentials are sent in clear text only to loopback emulators.");
        }

        return host;
    }

    private async Task<(string Value, TimeSpan Lifetime)> FetchTokenAsync()
    {
        var account = Uri.EscapeDataString(_settings.AccountId);
        if (_settings.UsesAppToken)
        {
            var sentinel = await HostAsync(_settings.AppTokenService, CancellationToken.None).ConfigureAwait(false);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(sentinel, $"sentinel/api/v2/account/{account}/app/token"))
            {
                Content = new FormUrlEncodedContent(
                [
                    new("client_id", _settings.ClientId),
                    new("client_secret", _settings.ClientSecret),
                    new("grant_type", "client_credentials"),
                ]),
            };
            var answer = await TokenAnswerAsync(request, "app token (Sentinel)", AccountApiJsonContext.Default.AppTokenAnswer, "ClientId and ClientSecret").ConfigureAwait(false);
            return (Required(answer.AccessToken, "app token (Sentinel)", "access_token"), LifetimeOf(answer.ExpiresIn is { } seconds ? TimeSpan.FromSeconds(seconds) : null));
        }

        var login = await HostAsync(_settings.LoginService, CancellationToken.None).ConfigureAwait(false);
        using (var request = new HttpRequestMessage(HttpMethod.Post, new Uri(login, $"api/account/{account}/login?v=1.3"))
        {
            Content = JsonContent(new LoginRequest { Username = _settings.Username, Password = _settings.Password }, AccountApiJsonContext.Default.LoginRequest),
        })
        {
            var answer = await TokenAnswerAsync(request, "Login Service", AccountApiJsonContext.Default.LoginAnswer, "Username and Password").ConfigureAwait(false);
            var ttl = long.TryParse(answer.SessionTtl, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? TimeSpan.FromMilliseconds(ms) : (TimeSpan?)null;
            return (Required(answer.Bearer, "Login Service", "bearer"), LifetimeOf(ttl));
        }
    }

    private async Task<T> TokenAnswerAsync<T>(HttpRequestMessage request, string api, JsonTypeInfo<T> type, string credentials)
    {
        var (status, body) = await SendOnceAsync(request, api, CancellationToken.None).ConfigureAwait(false);
        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest)
        {
            throw new AccountApiException($"the {api} refused the credentials (HTTP {(int)status}): check Availability:{credentials.Replace(" and ", " and Availability:")}.");
        }

        if ((int)status is < 200 or > 299)
        {
            throw new AccountApiException($"the {api} answered HTTP {(int)status}.");
        }

        return Parse(body, type, api);
    }

    private static string Required(string? token, string api, string field) =>
        string.IsNullOrWhiteSpace(token) ? throw new AccountApiException($"the {api} answered without a {field}.") : token!;

    /// <summary>Used until shortly before it expires: a tenth of its life or 30 seconds early, whichever is more.</summary>
    private static TimeSpan LifetimeOf(TimeSpan? lifetime)
    {
        var life = lifetime is { } given && given > TimeSpan.Zero ? given : DefaultTokenLifetime;
        var early = TimeSpan.FromTicks(Math.Max(life.Ticks / 10, TimeSpan.FromSeconds(30).Ticks));
        return life > early + early ? life - early : TimeSpan.FromTicks(life.Ticks / 2); // a short-lived token: half its life
    }
}
