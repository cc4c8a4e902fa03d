namespace LivePersonEscalation.Internal;

/// <summary>
/// Rides in one attempt's <see cref="HttpRequestMessage"/> options. Handlers that clone a request to send it again
/// (a resilience handler's retry or hedging) copy option values by reference, so every copy carries this one ticket:
/// the innermost <see cref="SingleSendHandler"/> lets it reach the transport once, and tells the client whether it did.
/// </summary>
internal sealed class AttemptTicket(string apiAccessKey)
{
#if NET
    public static readonly HttpRequestOptionsKey<AttemptTicket> Key = new("LivePersonEscalation.Attempt");
#else
    public const string Key = "LivePersonEscalation.Attempt";
#endif

    private int _sends;

    /// <summary>The key the innermost handler puts in the <c>Authorization</c> header, below every outer handler and logger.</summary>
    public string ApiAccessKey { get; } = apiAccessKey;

    /// <summary>True once the innermost handler handed the attempt to the transport: from then on it may have reached LivePerson.</summary>
    public bool ReachedTransport => Volatile.Read(ref _sends) > 0;

    /// <summary>True when a handler tried to send the attempt again, and was refused.</summary>
    public bool RepeatRefused { get; private set; }

    /// <summary>Counts a send; false (and remembered) for any but the first.</summary>
    public bool TryTakeSend()
    {
        if (Interlocked.Increment(ref _sends) == 1)
        {
            return true;
        }

        RepeatRefused = true;
        return false;
    }

    public void AttachTo(HttpRequestMessage request)
    {
#if NET
        request.Options.Set(Key, this);
#else
        request.Properties[Key] = this;
#endif
    }

    public static AttemptTicket? Of(HttpRequestMessage request) =>
#if NET
        request.Options.TryGetValue(Key, out var ticket) ? ticket : null;
#else
        request.Properties.TryGetValue(Key, out var value) ? value as AttemptTicket : null;
#endif
}
