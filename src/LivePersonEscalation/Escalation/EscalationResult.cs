using System.Net;
using System.Text.Json;

namespace LivePersonEscalation;

/// <summary>
/// LivePerson <em>accepted</em> the escalation (any 2xx answer). The transfer itself is asynchronous: if it later
/// fails, the platform sends <see cref="TransferFailureReport.EscalationFailedSignal"/> to the bot, outside this response.
/// </summary>
public sealed class EscalationResult
{
    private JsonElement? _json;
    private bool _jsonParsed;
    private string? _escalationId;
    private int _transferFailures;

    /// <summary>The HTTP status code of the accepting response (2xx).</summary>
    public required HttpStatusCode StatusCode { get; init; }

    /// <summary>
    /// The raw response body as text (empty when there was none). The response shape is not documented, so it is
    /// kept as received; at most 64 KiB are read (see <see cref="IsBodyTruncated"/>).
    /// </summary>
    public string Body { get; init; } = string.Empty;

    /// <summary>True when the response body was longer than the 64 KiB that are read, and <see cref="Body"/> holds its start.</summary>
    public bool IsBodyTruncated { get; init; }

    /// <summary>The service's correlation id (<c>X-Request-Id</c>, <c>X-Correlation-Id</c> or <c>Request-Id</c>) when present.</summary>
    public string? RequestId { get; init; }

    /// <summary>Time from the start of <see cref="IEscalationClient.EscalateAsync"/> to the end of reading the response.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>How many HTTP attempts were made (1 unless a retry was provably safe).</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>
    /// True when this escalation was not sent because the same conversation was escalated to the same skill moments
    /// before (or was still in flight): this is that escalation's result, whose <see cref="Body"/> holds at most
    /// 1,024 characters. See <see cref="EscalationOptions.DuplicateGuard"/>.
    /// </summary>
    public bool IsDeduplicated { get; init; }

    /// <summary>
    /// The library's id of this escalation, the same on its deduplicated answers: name it in a
    /// <see cref="TransferFailureReport.EscalationId"/> when LivePerson reports that its transfer failed, so a
    /// repeated report counts once. Opaque; at most 256 printable ASCII characters. Null only on results made outside
    /// the library (test doubles).
    /// </summary>
    public string? EscalationId { get => _escalationId; init => _escalationId = value; }

    /// <summary>
    /// The conversation's transfer failures the library counted before this escalation: set on an escalation to a
    /// fallback skill (<see cref="IEscalationClient.ReportTransferFailureAsync"/>) and its deduplicated answers; 0 otherwise.
    /// </summary>
    public int TransferFailures { get => _transferFailures; init => _transferFailures = value; }

    /// <summary>
    /// The body parsed as JSON, or null when it is empty, truncated or not JSON. Parsed on first access.
    /// A body that is not JSON does not make the escalation a failure.
    /// </summary>
    public JsonElement? Json
    {
        get
        {
            if (!_jsonParsed)
            {
                _json = TryParse(Body, IsBodyTruncated);
                _jsonParsed = true;
            }

            return _json;
        }
    }

    /// <summary>Names the escalation that was just accepted: done by the client once, before the result is handed out.</summary>
    internal void Identify(string escalationId, int transferFailures)
    {
        _escalationId = escalationId;
        _transferFailures = transferFailures;
    }

    /// <summary>Describes the result without the body.</summary>
    /// <returns>Status, request id, attempts and elapsed time.</returns>
    public override string ToString() =>
        $"Escalation accepted: HTTP {(int)StatusCode} {StatusCode}, request id {RequestId ?? "(none)"}, {Attempts} attempt(s), {Elapsed.TotalMilliseconds:0} ms{(IsDeduplicated ? ", deduplicated (not sent again)" : string.Empty)}";

    private static JsonElement? TryParse(string body, bool truncated)
    {
        if (truncated || string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
