using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace LivePersonEscalation.Testing;

/// <summary>Every request: routed to its API by method and path, failed or delayed as a test asked, counted.</summary>
public sealed partial class AccountApiEmulator
{
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
        TimeSpan? retryAfter = null;
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
                retryAfter = scripted.RetryAfter;
                _faults[api.Value] = (scripted.Status, scripted.Times - 1, scripted.RetryAfter);
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
            if (retryAfter is { } wait)
            {
                context.Response.Headers.RetryAfter = ((long)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

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
            case AccountApi.QueueHealth when Authorized(request):
                await ServeQueueHealthAsync(context).ConfigureAwait(false);
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

        if (IsQueueHealth(method, path, account))
        {
            return (AccountApi.QueueHealth, string.Empty);
        }

        if (HttpMethods.IsPost(method) && path == "/manager_workspace" + account + "skill/availability")
        {
            return (AccountApi.SkillAvailability, string.Empty);
        }

        return (null, string.Empty);
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
