namespace LivePersonEscalation;

/// <summary>
/// The channel a conversation runs on, as Conversation Builder names it (<c>botContext.getChannel()</c> or
/// <c>getUserChannel()</c>). Compared case-insensitively and culture-invariantly; unknown names are allowed and are
/// not the preview channel. Only exactly <c>web</c> is the Conversation Builder preview: <c>lp_web</c> is
/// LivePerson web messaging, a real channel.
/// </summary>
public readonly struct BotChannel : IEquatable<BotChannel>
{
    private readonly string? _name;

    /// <summary>Creates a channel from its Conversation Builder name; unknown names are allowed.</summary>
    /// <param name="name">The channel name, for example <c>lp_web</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    public BotChannel(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A channel name must not be empty; use the value of botContext.getChannel(), e.g. \"lp_web\" or \"web\".", nameof(name));
        }

        _name = name.Trim();
    }

    /// <summary>The Conversation Builder web client preview (<c>web</c>): never reaches LiveEngage.</summary>
    public static BotChannel Web { get; } = new("web");

    /// <summary>LivePerson web messaging (<c>lp_web</c>): a real channel, not the preview.</summary>
    public static BotChannel LivePersonWeb { get; } = new("lp_web");

    /// <summary>The channel's name as given (trimmed).</summary>
    public string Name => _name ?? string.Empty;

    /// <summary>
    /// True for the Conversation Builder preview (<c>web</c>, any casing), where the bot must send the transfer
    /// message itself because the escalation's message never reaches the user.
    /// </summary>
    public bool IsPreview => string.Equals(Name, "web", StringComparison.OrdinalIgnoreCase);

    /// <summary>Compares two channels by name, ignoring case.</summary>
    public static bool operator ==(BotChannel left, BotChannel right) => left.Equals(right);

    /// <summary>Compares two channels by name, ignoring case.</summary>
    public static bool operator !=(BotChannel left, BotChannel right) => !left.Equals(right);

    /// <summary>Compares by name, ignoring case (culture-invariant).</summary>
    /// <param name="other">The other channel.</param>
    /// <returns>True when the names are equal ignoring case.</returns>
    public bool Equals(BotChannel other) => string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BotChannel other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Name);

    /// <summary>The channel's name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}
