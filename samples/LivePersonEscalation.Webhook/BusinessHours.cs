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

    /// <summary>What is wrong with these hours, each naming its setting (empty when they are valid): checked at start-up.</summary>
    public IEnumerable<string> Problems(string section)
    {
        if (!TryFindTimeZone(TimeZone, out _))
        {
            yield return $"{section}:TimeZone is '{TimeZone}', which is not a time zone of this machine; use an IANA id such as UTC or Europe/Berlin.";
        }

        var opens = TryParseTimeOfDay(Opens, out var open);
        var closes = TryParseTimeOfDay(Closes, out var close);
        if (!opens)
        {
            yield return $"{section}:Opens is '{Opens}', but must be HH:mm, e.g. 09:00.";
        }

        if (!closes)
        {
            yield return $"{section}:Closes is '{Closes}', but must be HH:mm (24:00 for the end of the day), e.g. 17:30.";
        }

        if (opens && closes && open >= close)
        {
            yield return $"{section}:Opens ({Opens}) must be before {section}:Closes ({Closes}).";
        }
    }

    /// <summary>What the user is told when LivePerson says when the skill opens: <c>{opens}</c> is that time in <see cref="TimeZone"/>.</summary>
    public string OpensAtMessage { get; set; } = "Our agents are away right now; they are back {opens}. Please write again then.";

    /// <summary>
    /// The off-shift text: from <paramref name="opensAt"/> when LivePerson gave it ("today at 09:00 (UTC)",
    /// "tomorrow at 09:00 (UTC)", "on Monday at 09:00 (UTC)", "in 20 minutes"), else <see cref="ClosedMessage"/>.
    /// </summary>
    public string OffShiftMessage(DateTimeOffset? opensAt, DateTimeOffset now)
    {
        if (opensAt is not { } opens || opens <= now)
        {
            return ClosedMessage;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        var local = TimeZoneInfo.ConvertTime(opens, zone);
        var today = TimeZoneInfo.ConvertTime(now, zone).Date;
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var when = (opens - now) <= TimeSpan.FromMinutes(59) ? $"in {Math.Max(1, (int)Math.Ceiling((opens - now).TotalMinutes))} minutes"
            : local.Date == today ? $"today at {local.ToString("HH:mm", culture)} ({TimeZone})"
            : local.Date == today.AddDays(1) ? $"tomorrow at {local.ToString("HH:mm", culture)} ({TimeZone})"
            : $"on {local.ToString("dddd", culture)} at {local.ToString("HH:mm", culture)} ({TimeZone})";
        return OpensAtMessage.Replace("{opens}", when, StringComparison.Ordinal);
    }

    public bool IsOpen(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(TimeZone));
        var days = Days.Count == 0 ? Enum.GetValues<DayOfWeek>() : [.. Days];
        return days.Contains(local.DayOfWeek) && local.TimeOfDay >= TimeOfDay(Opens) && local.TimeOfDay < TimeOfDay(Closes);
    }

    private static TimeSpan TimeOfDay(string value) => TryParseTimeOfDay(value, out var time) ? time : throw new FormatException($"'{value}' is not HH:mm.");

    private static bool TryParseTimeOfDay(string? value, out TimeSpan time)
    {
        if (value == "24:00")
        {
            time = TimeSpan.FromDays(1);
            return true;
        }

        return TimeSpan.TryParseExact(value, @"hh\:mm", System.Globalization.CultureInfo.InvariantCulture, out time);
    }

    private static bool TryFindTimeZone(string? id, out TimeZoneInfo? zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id ?? string.Empty);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            zone = null;
            return false;
        }
    }
}
