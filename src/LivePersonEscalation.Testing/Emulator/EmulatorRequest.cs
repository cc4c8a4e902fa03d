namespace LivePersonEscalation.Testing;

/// <summary>
/// Any request the emulator received, accepted or not, so tests can assert the exact number of requests.
/// The <c>Authorization</c> value is never kept: only whether it matched.
/// </summary>
/// <param name="Sequence">1 for the first request, and so on.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The request path.</param>
/// <param name="Body">The body as text.</param>
/// <param name="AuthorizationMatched">True when the <c>Authorization</c> header was the configured key.</param>
/// <param name="StatusCode">The status answered, or null when the connection was aborted.</param>
/// <param name="ReceivedAt">When it arrived, on the emulator's time provider.</param>
public sealed record EmulatorRequest(
    int Sequence,
    string Method,
    string Path,
    string Body,
    bool AuthorizationMatched,
    int? StatusCode,
    DateTimeOffset ReceivedAt);
