namespace LivePersonEscalation.Redis.Tests.Faults;

/// <summary>What the proxy does to the traffic between a client and Redis.</summary>
public enum ProxyFault
{
    /// <summary>Forwards both ways as it comes.</summary>
    None,

    /// <summary>Holds Redis's answers for <see cref="RedisFaultProxy.AnswerDelay"/> before forwarding them (Redis answers late).</summary>
    DelayAnswers,

    /// <summary>Forwards nothing either way and keeps what arrives (a network that drops packets), until the fault is changed.</summary>
    Blackhole,

    /// <summary>Lets the next script through to Redis, then resets the connection instead of forwarding its answer.</summary>
    ResetAfterScript,

    /// <summary>
    /// Lets the next script through to Redis, then holds its answer for <see cref="RedisFaultProxy.AnswerDelay"/> and
    /// resets the connection instead of forwarding it, and so for every answer after it (reconnections included),
    /// until the fault is changed: a link that keeps failing until the caller gave up.
    /// </summary>
    ResetEveryAnswerAfterScript,
}
