namespace LivePersonEscalation.Internal;

/// <summary>Where a conversation's latest escalation stands, as its <see cref="ConversationRecord"/> keeps it.</summary>
internal enum GuardState
{
    /// <summary>No escalation stands: never escalated, forgotten, or past its window. The next call sends.</summary>
    None = 0,

    /// <summary>One call claimed the conversation and is sending; repeats wait for its outcome.</summary>
    InFlight = 1,

    /// <summary>LivePerson answered 2xx; repeats within the window get this answer, marked deduplicated.</summary>
    Accepted = 2,

    /// <summary>The request may have reached LivePerson and no answer says so; repeats within the window are refused.</summary>
    Unknown = 3,

    /// <summary>
    /// LivePerson provably did not accept it. The callers that waited on that very escalation share the refusal; any
    /// other call sends.
    /// </summary>
    NotAccepted = 4,

    /// <summary>A report said the accepted escalation's transfer failed: the next call sends (to the fallback, or any skill).</summary>
    TransferFailed = 5,
}
