using System.Globalization;
using LivePersonEscalation.DuplicateGuard;

namespace LivePersonEscalation.Testing;

/// <summary>What one conformance case works with: the store, keys of its own, records to write, and the checks.</summary>
internal sealed class ConformanceProbe(string caseName, IDuplicateGuardStore store, CancellationToken cancellationToken)
{
    /// <summary>Long enough that nothing expires while a case runs, on any machine.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly string _run = Guid.NewGuid().ToString("N");
    private int _versions;

    public IDuplicateGuardStore Store { get; } = store;

    public CancellationToken Token { get; } = cancellationToken;

    public string Key(string name = "conversation") => $"conformance:{_run}:{name}";

    /// <summary>A record with a new version, kept for <paramref name="lifetime"/> (by default <see cref="Lifetime"/>); a store treats its content as opaque.</summary>
    public DuplicateGuardRecord Record(TimeSpan? lifetime = null)
    {
        var expires = DateTimeOffset.UtcNow + (lifetime ?? Lifetime);
        var version = $"{_run}-{Interlocked.Increment(ref _versions)}";
        return DuplicateGuardRecord.Parse($$"""{{version}}|{"issuedExpiresAt":"{{expires.ToString("O", CultureInfo.InvariantCulture)}}"}""");
    }

    public ValueTask<DuplicateGuardRecord?> WriteAsync(string key, DuplicateGuardRecord? expected, DuplicateGuardRecord record) =>
        Store.WriteAsync(key, expected?.Version, record, Token);

    public void Expect(bool condition, string contract, object? actual)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"{caseName}: {contract}; the store gave {Describe(actual)}.");
        }
    }

    public void ExpectVersion(DuplicateGuardRecord? expected, DuplicateGuardRecord? actual, string contract) =>
        Expect(expected?.Version == actual?.Version, $"{contract} ({Describe(expected)})", actual);

    private static string Describe(object? value) => value switch
    {
        null => "null",
        DuplicateGuardRecord record => $"the record of version '{record.Version}'",
        _ => value.ToString() ?? "a value",
    };
}
