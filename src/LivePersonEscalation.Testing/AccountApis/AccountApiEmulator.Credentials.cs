using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace LivePersonEscalation.Testing;

/// <summary>The domain API and the two ways to a token: the application's client credentials and a user login.</summary>
public sealed partial class AccountApiEmulator
{
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
}
