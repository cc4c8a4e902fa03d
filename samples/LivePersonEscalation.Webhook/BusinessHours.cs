namespace LivePersonEscalation.WebhookSample;

/// <summary>When agents are there to take a transfer, in one time zone, read on a <see cref="TimeProvider"/>.</summary>
internal sealed class BusinessHours
{
    public string TimeZone { get; set; } = "UTC";

    /// <summary>When agents arrive, as HH:mm.</summary>
    public string Opens { get; set; } = "00:00";

    /// <summary>When agents leave, as HH:mm; 24:00 for the end of the day.</summary>
    public string Closes { get; set; } = "24:00";

    /// <summary>The days agents work; empty for every day (a list in configuration merges by index, so list all or none).</summary>
    public List<DayOfWeek> Days { get; } = [];

    /// <summary>What the bot tells the user out of hours.</summary>
    public string ClosedMessage { get; set; } = "Our agents are away right now; please write again later.";

    public bool IsOpen(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(TimeZone));
        var days = Days.Count == 0 ? Enum.GetValues<DayOfWeek>() : [.. Days];
        return days.Contains(local.DayOfWeek) && local.TimeOfDay >= TimeOfDay(Opens) && local.TimeOfDay < TimeOfDay(Closes);
    }

    private static TimeSpan TimeOfDay(string value) =>
        value == "24:00" ? TimeSpan.FromDays(1) : TimeSpan.ParseExact(value, @"hh\:mm", System.Globalization.CultureInfo.InvariantCulture);
}
