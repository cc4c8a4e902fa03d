using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LivePersonEscalation.WebhookSample;

/// <summary>
/// GET /healthz as JSON with each check's description: the reason ("maxmemory-policy is allkeys-lru … set it to
/// noeviction", "availability unknown for 1 of 2 skill(s): …") reaches the probe, not only the logs. Never a secret:
/// the library's checks describe settings by name, not value.
/// </summary>
internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(Describe(report), context.RequestAborted);
    }

    /// <summary><c>{"status":"Degraded","checks":{"liveperson-escalation-redis":{"status":"Degraded","description":"…"}}}</c></summary>
    public static string Describe(HealthReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("status", report.Status.ToString());
            json.WriteStartObject("checks");
            foreach (var (name, entry) in report.Entries)
            {
                json.WriteStartObject(name);
                json.WriteString("status", entry.Status.ToString());
                json.WriteString("description", entry.Description);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
