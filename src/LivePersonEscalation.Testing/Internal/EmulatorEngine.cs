using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LivePersonEscalation.Testing.Internal;

/// <summary>
/// The emulated escalation endpoint, shared by the loopback server and the in-memory fake: checks method, path,
/// key and body as LivePerson documents them, applies scripted responses, and records every request. Thread-safe.
/// </summary>
internal sealed class EmulatorEngine
{
    private readonly object _gate = new();
    private readonly Queue<EmulatorResponse> _script = new();
    private readonly List<RecordedEscalation> _escalations = [];
    private readonly List<EmulatorRequest> _requests = [];
    private readonly List<(int Count, TaskCompletionSource<IReadOnlyList<RecordedEscalation>> Waiter)> _waiters = [];
    private readonly TimeProvider _timeProvider;
    private readonly HashSet<string> _failingSkills = new(StringComparer.Ordinal);

    public EmulatorEngine(string apiAccessKey, TimeProvider timeProvider)
    {
        if (string.IsNullOrWhiteSpace(apiAccessKey))
        {
            throw new ArgumentException("The emulator needs an API access key to check requests against.", nameof(apiAccessKey));
        }

        ApiAccessKey = apiAccessKey;
        _timeProvider = timeProvider;
    }

    public string ApiAccessKey { get; }

    public TimeProvider TimeProvider => _timeProvider;

    public IReadOnlyList<RecordedEscalation> Escalations
    {
        get
        {
            lock (_gate)
            {
                return [.. _escalations];
            }
        }
    }

    public IReadOnlyList<EmulatorRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Accepted escalations whose transfer failed: each is a signal LivePerson sends the bot.</summary>
    public IReadOnlyList<RecordedEscalation> TransferFailures
    {
        get
        {
            lock (_gate)
            {
                return [.. _escalations.Where(escalation => escalation.TransferFailed)];
            }
        }
    }

    public void FailTransfersTo(IEnumerable<string> skillIds)
    {
        ArgumentNullException.ThrowIfNull(skillIds);
        lock (_gate)
        {
            foreach (var skillId in skillIds)
            {
                _failingSkills.Add(skillId ?? throw new ArgumentException("A skill id must not be null.", nameof(skillIds)));
            }
        }
    }

    public void Script(IEnumerable<EmulatorResponse> responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        lock (_gate)
        {
            foreach (var response in responses)
            {
                _script.Enqueue(response ?? throw new ArgumentException("A scripted response must not be null.", nameof(responses)));
            }
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _script.Clear();
            _escalations.Clear();
            _requests.Clear();
            _failingSkills.Clear();
        }
    }

    public async Task<IReadOnlyList<RecordedEscalation>> WaitForEscalationsAsync(int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        TaskCompletionSource<IReadOnlyList<RecordedEscalation>> waiter;
        lock (_gate)
        {
            if (_escalations.Count >= count)
            {
                return [.. _escalations];
            }

            waiter = new TaskCompletionSource<IReadOnlyList<RecordedEscalation>>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, waiter));
        }

        try
        {
            return await waiter.Task.WaitAsync(timeout, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Expected {count} escalation(s) within {timeout}, but the emulator accepted {Escalations.Count} (of {Requests.Count} request(s)).");
        }
        finally
        {
            lock (_gate)
            {
                _waiters.RemoveAll(w => w.Waiter == waiter);
            }
        }
    }

    public EmulatorReply Handle(string method, string path, string? authorization, string? contentType, byte[] body)
    {
        var receivedAt = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            var sequence = _requests.Count + 1;
            var authorized = string.Equals(authorization, ApiAccessKey, StringComparison.Ordinal);
            var scripted = _script.Count > 0 ? _script.Dequeue() : EmulatorResponse.Accept();
            var reply = Decide(sequence, method, path, authorized, contentType, body, scripted, receivedAt);
            _requests.Add(new EmulatorRequest(sequence, method, path, Encoding.UTF8.GetString(body), authorized, reply.Abort ? null : reply.StatusCode, receivedAt));
            return reply;
        }
    }

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

        if (!string.Equals(path, LivePersonEndpoints.EscalationPath, StringComparison.Ordinal))
        {
            return Error(404, $"no endpoint at '{path}'; escalations go to {LivePersonEndpoints.EscalationPath}");
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

    private void ReleaseWaiters()
    {
        foreach (var (count, waiter) in _waiters)
        {
            if (_escalations.Count >= count)
            {
                waiter.TrySetResult([.. _escalations]);
            }
        }
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
