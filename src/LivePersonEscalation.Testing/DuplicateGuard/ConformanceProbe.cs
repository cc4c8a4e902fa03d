using System.Net;
using LivePersonEscalation.DuplicateGuard;

namespace LivePersonEscalation.Testing;

/// <summary>What one conformance case works with: the store, keys of its own, entries to write, and the checks.</summary>
internal sealed class ConformanceProbe(string caseName, IDuplicateGuardStore store, CancellationToken cancellationToken)
{
    public const string Skill = "123456";

    /// <summary>Long enough that nothing expires while a case runs, on any machine.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(5);

    private readonly string _run = Guid.NewGuid().ToString("N");
    private int _owners;

    public IDuplicateGuardStore Store { get; } = store;

    public CancellationToken Token { get; } = cancellationToken;

    public string Key(string name = "conversation") => $"conformance:{_run}:{name}";

    public DuplicateGuardEntry Claim() => new()
    {
        State = DuplicateGuardState.InFlight,
        Owner = $"{Skill}.{_run}-{Interlocked.Increment(ref _owners)}",
        AgentSkillId = Skill,
    };

    public static DuplicateGuardEntry Accepted(DuplicateGuardEntry claim) => claim with
    {
        State = DuplicateGuardState.Accepted,
        StatusCode = HttpStatusCode.OK,
        RequestId = "request-1",
        Body = """{"status":"ok"}""",
        Attempts = 2,
        Elapsed = TimeSpan.FromMilliseconds(250),
        TransferFailures = 1,
    };

    public static DuplicateGuardEntry Settled(DuplicateGuardEntry claim, DuplicateGuardState state) =>
        claim with { State = state, Reason = state == DuplicateGuardState.Accepted ? null : "ConnectionLost" };

    public ValueTask<DuplicateGuardEntry?> TryClaimAsync(string key, DuplicateGuardEntry claim) => Store.TryClaimAsync(key, claim, Expiry, Token);

    public ValueTask SettleAsync(string key, DuplicateGuardEntry claim, DuplicateGuardEntry? outcome) => Store.SettleAsync(key, claim.Owner, outcome, Expiry, Token);

    public void Expect(bool condition, string contract, object? actual)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"{caseName}: {contract}; the store gave {Describe(actual)}.");
        }
    }

    public void ExpectEntry(DuplicateGuardEntry? expected, DuplicateGuardEntry? actual, string contract) =>
        Expect(Equals(expected, actual), $"{contract} ({Describe(expected)})", actual);

    private static string Describe(object? value) => value switch
    {
        null => "null",
        DuplicateGuardEntry entry => $"{entry.State} entry of owner '{entry.Owner}' ({entry})",
        _ => value.ToString() ?? "a value",
    };
}
