namespace LivePersonEscalation.DuplicateGuard;

/// <summary>What a store applies when it records a transfer failure (<see cref="IDuplicateGuardStore.RecordTransferFailureAsync"/>).</summary>
/// <param name="MaxTransferFailures">Give up at this many failures.</param>
/// <param name="Window">How long the record is kept after this report.</param>
/// <param name="SkillsWithFallback">The numeric skill ids that have a fallback; null when every skill has one (the report named it). A failed skill not in it gives up.</param>
public sealed record TransferFailureRules(int MaxTransferFailures, TimeSpan Window, IReadOnlyCollection<string>? SkillsWithFallback)
{
    /// <summary>True when a failed transfer to <paramref name="skillId"/> has somewhere to go next.</summary>
    /// <param name="skillId">The numeric skill id whose transfer failed.</param>
    /// <returns>Whether a fallback exists.</returns>
    public bool HasFallback(string skillId) => SkillsWithFallback is null || SkillsWithFallback.Contains(skillId);
}
