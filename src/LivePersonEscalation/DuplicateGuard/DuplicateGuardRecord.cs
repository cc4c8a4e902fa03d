using System.Text.Json;
using LivePersonEscalation.Internal;

namespace LivePersonEscalation.DuplicateGuard;

/// <summary>
/// One conversation's record, as a <see cref="IDuplicateGuardStore"/> keeps it: a value opaque to the store, with a
/// <see cref="Version"/> (new on every write, unique across a fleet) and the time it may be forgotten
/// (<see cref="ExpiresAt"/>). The guard's rules alone read and make its content; a store keeps it whole, or as the
/// text of <see cref="Serialize"/>.
/// </summary>
public sealed class DuplicateGuardRecord
{
    private const char Separator = '|';

    internal DuplicateGuardRecord(string version, ConversationRecord conversation, TimeSpan timeToLive)
    {
        Version = version;
        Conversation = conversation;
        TimeToLive = timeToLive;
    }

    /// <summary>The record's version: a store writes a record only over the version its writer read.</summary>
    public string Version { get; }

    /// <summary>When the store may forget the record (and should: nothing in it counts after this), on the writer's clock.</summary>
    public DateTimeOffset ExpiresAt => Conversation.ExpiresAt;

    /// <summary>
    /// How long a store keeps the record from this write: <see cref="ExpiresAt"/> less the time it was made, so a store
    /// on another clock (Redis's) keeps it as long as the writer meant.
    /// </summary>
    public TimeSpan TimeToLive { get; }

    internal ConversationRecord Conversation { get; }

    /// <summary>Reads a record from the text <see cref="Serialize"/> made.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The record.</returns>
    /// <exception cref="FormatException"><paramref name="value"/> is not a record's text.</exception>
    public static DuplicateGuardRecord Parse(string value)
    {
        var separator = (value ?? throw new ArgumentNullException(nameof(value))).IndexOf(Separator);
        if (separator <= 0)
        {
            throw new FormatException("The text is not a duplicate-guard record: it has no version.");
        }

        try
        {
            var conversation = JsonSerializer.Deserialize(value.Substring(separator + 1), GuardRecordJsonContext.Default.ConversationRecord)
                ?? throw new FormatException("The text is not a duplicate-guard record: it holds no record.");
            // The generated reader sets an absent init-only member to null, whatever its initializer says.
            var read = conversation with
            {
                Owner = conversation.Owner ?? string.Empty,
                SkillId = conversation.SkillId ?? string.Empty,
                Body = conversation.Body ?? string.Empty,
                Issued = conversation.Issued ?? [],
                Counted = conversation.Counted ?? [],
            };
            return new DuplicateGuardRecord(value.Substring(0, separator), read, read.ExpiresAt - DateTimeOffset.UtcNow);
        }
        catch (JsonException ex)
        {
            throw new FormatException("The text is not a duplicate-guard record: " + ex.Message, ex);
        }
    }

    /// <summary>
    /// The record as text: its <see cref="Version"/>, a <c>|</c>, then its content as JSON, so a store that compares
    /// versions (a Redis script) reads the version without parsing the rest.
    /// </summary>
    /// <returns>The text <see cref="Parse"/> reads back.</returns>
    public string Serialize() => Version + Separator + JsonSerializer.Serialize(Conversation, GuardRecordJsonContext.Default.ConversationRecord);

    /// <summary>Describes the record without ids or bodies (personal data).</summary>
    /// <returns>The version, the expiry and where the conversation stands.</returns>
    public override string ToString() => $"DuplicateGuardRecord {{ Version = {Version}, ExpiresAt = {ExpiresAt:O}, {Conversation} }}";

    /// <summary>A record of <paramref name="conversation"/> with a new version, made at <paramref name="now"/> (the rules' time).</summary>
    internal static DuplicateGuardRecord New(ConversationRecord conversation, DateTimeOffset now) =>
        new(EscalationIds.Create(), conversation, conversation.ExpiresAt - now);
}
