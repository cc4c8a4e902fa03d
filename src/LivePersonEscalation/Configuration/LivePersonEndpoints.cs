namespace LivePersonEscalation;

/// <summary>The documented Conversation Builder escalation (<c>livePersonAgent</c>) endpoints, one per region.</summary>
internal static class LivePersonEndpoints
{
    /// <summary>The path of the escalation endpoint, the same on every host.</summary>
    public const string EscalationPath = "/botservice-0.1/botcentral/livePersonAgent";

    /// <summary>The escalation endpoint of the US region.</summary>
    public static Uri Us { get; } = new("https://platformservice.botcentralapi.com" + EscalationPath);

    /// <summary>The escalation endpoint of the EU region.</summary>
    public static Uri Eu { get; } = new("https://platformservice-eu.botcentralapi.com" + EscalationPath);

    /// <summary>The escalation endpoint of the APAC region.</summary>
    public static Uri Apac { get; } = new("https://platformservice-ap.botcentralapi.com" + EscalationPath);

    /// <summary>The escalation endpoint used by bots running from the LiveEngage automation tab (US).</summary>
    public static Uri UsAutomation { get; } = new("https://va.bc-bot.liveperson.net" + EscalationPath);

    /// <summary>Returns the escalation endpoint of <paramref name="region"/>.</summary>
    /// <param name="region">The account's region.</param>
    /// <returns>The absolute URI to POST escalations to.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="region"/> is not a defined <see cref="LivePersonRegion"/>.</exception>
    public static Uri For(LivePersonRegion region) => region switch
    {
        LivePersonRegion.Us => Us,
        LivePersonRegion.Eu => Eu,
        LivePersonRegion.Apac => Apac,
        LivePersonRegion.UsAutomation => UsAutomation,
        _ => throw new ArgumentOutOfRangeException(
            nameof(region),
            region,
            NotARegion(region)),
    };

    /// <summary>True when <paramref name="region"/> is a defined region (an enum can hold any integer).</summary>
    internal static bool IsDefined(LivePersonRegion region) => region is >= LivePersonRegion.Us and <= LivePersonRegion.UsAutomation;

    /// <summary>The one message for a region that is none of LivePerson's.</summary>
    internal static string NotARegion(object value) =>
        $"Region '{value}' is not a LivePerson region. Valid regions: {string.Join(", ", RegionNames)}.";

    /// <summary>The names of the defined regions, for error messages.</summary>
    internal static IReadOnlyList<string> RegionNames { get; } = ["Us", "Eu", "Apac", "UsAutomation"];
}
