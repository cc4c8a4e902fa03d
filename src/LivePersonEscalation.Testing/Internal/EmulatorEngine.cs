using System.Text;

namespace LivePersonEscalation.Testing.Internal;

/// <summary>
/// The emulated escalation endpoint, shared by the loopback server and the in-memory fake: checks method, path,
/// key and body as LivePerson documents them, applies scripted responses, and records every request. Thread-safe.
/// </summary>
internal sealed partial class EmulatorEngine
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
}
