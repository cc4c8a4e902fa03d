using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LivePersonEscalation.Testing.Internal;

/// <summary>
/// What the emulator answers one request: the scripted response, or LivePerson's documented checks and acceptance.
/// </summary>
internal sealed partial class EmulatorEngine
{
    private EmulatorReply Decide(int sequence, string method, string path, bool authorized, string? contentType, byte[] body, EmulatorResponse scripted, DateTimeOffset receivedAt)
    {
        var requestId = "emu-" + sequence.ToString("D6", CultureInfo.InvariantCulture);
        if (scripted.AbortsConnection)
        {
            return new EmulatorReply(0, string.Empty, string.Empty, null, null, scripted.Delay, Abort: true);
        }

        if (scripted.StatusCode is { } status)
        {
            return new EmulatorReply((int)status, scripted.ContentType, scripted.Body, scripted.RetryAfter, requestId, scripted.Delay, Abort: false);
        }

        EmulatorReply Error(int code, string error) =>
            new(code, "application/json", JsonObject(("error", error), ("requestId", requestId)), null, requestId, scripted.Delay, Abort: false);

        if (!string.Equals(path, EscalationEmulator.EscalationPath, StringComparison.Ordinal))
        {
            return Error(404, $"no endpoint at '{path}'; escalations go to {EscalationEmulator.EscalationPath}");
        }

        if (!string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return Error(405, $"method {method} is not allowed; use POST");
        }

        if (!authorized)
        {
            return Error(401, "the Authorization header is not a valid API access key");
        }

        if (contentType is null || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Error(415, $"Content-Type must be application/json, got '{contentType}'");
        }

        if (!EscalationBodyCheck.TryParse(body, out var fields, out var problem))
        {
            return Error(400, problem);
        }

        _escalations.Add(new RecordedEscalation(
            fields["userPlatformId"], fields["chatBotId"], fields["message"], fields["conversationId"],
            fields["agentSkillName"], fields["agentSkillId"], requestId, receivedAt)
        {
            TransferFailed = _failingSkills.Contains(fields["agentSkillId"]),
        });
        ReleaseWaiters();

        var accepted = JsonObject(("status", "accepted"), ("conversationId", fields["conversationId"]), ("requestId", requestId));
        return new EmulatorReply(200, "application/json; charset=utf-8", accepted, null, requestId, scripted.Delay, Abort: false);
    }

    private static string JsonObject(params (string Name, string Value)[] properties)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in properties)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
