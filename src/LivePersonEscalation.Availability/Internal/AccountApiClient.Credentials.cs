using System.Globalization;
using System.Net;
using System.Text.Json.Serialization.Metadata;

namespace LivePersonEscalation.Availability.Internal;

/// <summary>
/// Where the account's services live (the domain API, cached) and the token that authorizes the calls (shared, refreshed before it expires).
/// </summary>
internal sealed partial class AccountApiClient
{
    /// <summary>The base URI of <paramref name="service"/> from the Domain API, shared and cached.</summary>
    private Task<Uri> HostAsync(string service, CancellationToken cancellationToken) =>
        _hosts.GetOrAdd(service, _ => new SharedFetch<Uri>(_time)).GetAsync(() => LookUpHostAsync(service), cancellationToken);

    private async Task<(Uri Value, TimeSpan Lifetime)> LookUpHostAsync(string service)
    {
        try
        {
            var account = Uri.EscapeDataString(_settings.AccountId);
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_settings.DomainApi, $"api/account/{account}/service/{Uri.EscapeDataString(service)}/baseURI.json?version=1.0"));
            var (status, body, _) = await SendOnceAsync(request, "Domain API", CancellationToken.None).ConfigureAwait(false);
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
        var (status, body, _) = await SendOnceAsync(request, api, CancellationToken.None).ConfigureAwait(false);
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
