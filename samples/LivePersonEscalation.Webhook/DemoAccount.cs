using LivePersonEscalation.Testing;

namespace LivePersonEscalation.WebhookSample;

/// <summary>
/// The embedded account APIs' state when the webhook runs without a LivePerson account: billing and general on shift
/// with agents online, sales off shift for the next hour, so each answer of <c>POST /escalations</c> can be tried.
/// </summary>
internal static class DemoAccount
{
    public const string OffShiftSkill = "sales";

    /// <summary>The setting that turns the queue health (the expected wait) on.</summary>
    public const string QueueHealthSetting = "LivePerson:Escalation:Availability:QueueHealth:Enabled";

    public static void Seed(AccountApiEmulator accountApis, IConfiguration configuration, DateTimeOffset now)
    {
        var skills = configuration.GetSection($"{EscalationOptions.SectionName}:Skills");
        foreach (var skill in skills.GetChildren())
        {
            if (string.Equals(skill.Key, OffShiftSkill, StringComparison.OrdinalIgnoreCase))
            {
                var opens = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddHours(1);
                accountApis.SetShift(skill.Value!, onShift: false, nextOn: opens, nextOff: opens.AddHours(8));
            }
            else
            {
                accountApis.SetShift(skill.Value!, onShift: true);
                accountApis.SetAgents(skill.Value!, online: 2, backSoon: 1);
                accountApis.SetQueueHealth(skill.Value!, TimeSpan.FromSeconds(150), unassignedConversations: 2);
            }
        }
    }
}
