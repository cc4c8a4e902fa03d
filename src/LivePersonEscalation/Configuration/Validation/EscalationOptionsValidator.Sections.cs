namespace LivePersonEscalation.Internal;

/// <summary>The checks of each options section: retry, duplicate guard, fallback and skills.</summary>
internal sealed partial class EscalationOptionsValidator
{
    private static void ValidateRetry(EscalationRetryOptions? retry, List<string> failures)
    {
        if (retry is null)
        {
            failures.Add("Retry must not be null; remove the assignment to keep the defaults.");
            return;
        }

        if (retry.MaxAttempts is < 1 or > 10)
        {
            failures.Add($"Retry:MaxAttempts is {retry.MaxAttempts}, but must be between 1 (no retries) and 10.");
        }

        if (retry.TotalBudget < TimeSpan.FromSeconds(1) || retry.TotalBudget > TimeSpan.FromMinutes(10))
        {
            failures.Add($"Retry:TotalBudget is {retry.TotalBudget}, but must be between 00:00:01 and 00:10:00.");
        }

        if (retry.BaseDelay < TimeSpan.Zero || retry.BaseDelay > TimeSpan.FromMinutes(1))
        {
            failures.Add($"Retry:BaseDelay is {retry.BaseDelay}, but must be between 00:00:00 and 00:01:00.");
        }

        if (retry.MaxDelay < retry.BaseDelay || retry.MaxDelay > TimeSpan.FromMinutes(5))
        {
            failures.Add($"Retry:MaxDelay is {retry.MaxDelay}, but must be at least Retry:BaseDelay ({retry.BaseDelay}) and at most 00:05:00.");
        }
    }

    private static void ValidateDuplicateGuard(DuplicateGuardOptions? guard, List<string> failures)
    {
        if (guard is null)
        {
            failures.Add("DuplicateGuard must not be null; set DuplicateGuard:Enabled to false to turn the guard off.");
            return;
        }

        if (guard.MaxConversations is < 1 or > 1_000_000)
        {
            failures.Add($"DuplicateGuard:MaxConversations is {guard.MaxConversations}, but must be between 1 and 1000000.");
        }

        if (guard.MaxMemoryBytes is < 64 * 1024 or > 1024 * 1024 * 1024)
        {
            failures.Add($"DuplicateGuard:MaxMemoryBytes is {guard.MaxMemoryBytes}, but must be between 65536 (64 KiB) and 1073741824 (1 GiB).");
        }

        if (guard.Window < TimeSpan.Zero || guard.Window > TimeSpan.FromHours(1))
        {
            failures.Add($"DuplicateGuard:Window is {guard.Window}, but must be between 00:00:00 and 01:00:00.");
        }

        if (guard.StoreTimeout < DuplicateGuardOptions.MinStoreTimeout || guard.StoreTimeout > DuplicateGuardOptions.MaxStoreTimeout)
        {
            failures.Add($"DuplicateGuard:StoreTimeout is {guard.StoreTimeout}, but must be between {DuplicateGuardOptions.MinStoreTimeout} and {DuplicateGuardOptions.MaxStoreTimeout}.");
        }
    }

    private static void ValidateFallback(EscalationOptions options, List<string> failures)
    {
        var fallback = options.Fallback;
        if (fallback is null)
        {
            failures.Add("Fallback must not be null; remove the assignment to keep the defaults.");
            return;
        }

        if (fallback.WhenWaitLongerThan is { } longer && (longer <= TimeSpan.Zero || longer > TimeSpan.FromDays(1)))
        {
            failures.Add($"Fallback:WhenWaitLongerThan is {longer}, but must be longer than 00:00:00 and at most 1.00:00:00; leave it unset to keep the fallback for wait off.");
        }

        if (fallback.MaxTransferFailures is < 1 or > 10)
        {
            failures.Add($"Fallback:MaxTransferFailures is {fallback.MaxTransferFailures}, but must be between 1 and 10.");
        }

        var window = options.DuplicateGuard?.Window ?? TimeSpan.Zero;
        if (fallback.Window <= window || fallback.Window > EscalationFallbackOptions.MaxWindow)
        {
            failures.Add($"Fallback:Window is {fallback.Window}, but must be longer than DuplicateGuard:Window ({window}) and at most {EscalationFallbackOptions.MaxWindow}: it remembers a conversation's failed transfers across escalations.");
        }

        var skills = new Dictionary<string, string>(options.Skills ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
        var known = skills.Count == 0 ? "none are configured" : $"the skills are {string.Join(", ", skills.Keys.OrderBy(k => k, StringComparer.OrdinalIgnoreCase))}";
        var nextById = new Dictionary<string, (string Name, string Next)>(StringComparer.Ordinal);
        foreach (var route in fallback.Skills)
        {
            var from = route.Key?.Trim() ?? string.Empty;
            var to = route.Value?.Trim() ?? string.Empty;
            if (!skills.TryGetValue(from, out var fromId))
            {
                failures.Add($"Fallback:Skills:{route.Key} names the skill '{route.Key}', which is not in Skills ({known}). Add it to Skills, or remove the fallback.");
                continue;
            }

            if (!skills.TryGetValue(to, out var toId))
            {
                failures.Add($"Fallback:Skills:{route.Key} is '{route.Value}', which is not in Skills ({known}). Name a configured skill (it may be '{route.Key}' itself, to try the same queue again).");
                continue;
            }

            if (nextById.TryGetValue(fromId, out var other) && !string.Equals(skills[other.Next], toId, StringComparison.Ordinal))
            {
                failures.Add($"Fallback:Skills:{route.Key} and Fallback:Skills:{other.Name} name skills with the same id ({fromId}) but different fallbacks; a failed transfer to {fromId} cannot tell which applies. Give them the same fallback.");
            }

            nextById[fromId] = (route.Key!, to);
        }
    }

    private static void ValidateSkills(IDictionary<string, string>? skills, List<string> failures)
    {
        if (skills is null)
        {
            return;
        }

        foreach (var skill in skills)
        {
            if (string.IsNullOrWhiteSpace(skill.Key))
            {
                failures.Add("Skills has an entry with an empty name; give every skill a friendly name.");
            }
            else if (!TextRules.IsNumericSkillId(skill.Value))
            {
                failures.Add($"Skills:{skill.Key} is '{skill.Value}', but a LivePerson skill id is numeric (1 to {TextRules.MaxSkillIdLength} ASCII digits). Copy the skill id from LivePerson's skills list.");
            }
        }
    }
}
