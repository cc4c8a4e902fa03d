using System.Globalization;
using System.Net;

namespace LivePersonEscalation.Testing;

/// <summary>
/// How the emulator answers one request: accept it (validate and record, the default), answer a status, wait first,
/// or abort the connection without a response. Queue them with <c>Script(...)</c>; each request takes the next one.
/// </summary>
/// <example>
/// <code>
/// emulator.Script(
///     EmulatorResponse.Status(HttpStatusCode.ServiceUnavailable).WithRetryAfter(TimeSpan.FromSeconds(1)),
///     EmulatorResponse.Accept());
/// </code>
/// </example>
public sealed record EmulatorResponse
{
    private EmulatorResponse()
    {
    }

    /// <summary>The status to answer; null to process the request normally (validate, record, 200).</summary>
    public HttpStatusCode? StatusCode { get; private init; }

    /// <summary>The body of a scripted status.</summary>
    public string Body { get; private init; } = string.Empty;

    /// <summary>The content type of <see cref="Body"/>.</summary>
    public string ContentType { get; private init; } = "application/json";

    /// <summary>The <c>Retry-After</c> header value, if any.</summary>
    public string? RetryAfter { get; private init; }

    /// <summary>How long to wait before answering (or aborting).</summary>
    public TimeSpan Delay { get; private init; }

    /// <summary>True to close the connection without any response.</summary>
    public bool AbortsConnection { get; private init; }

    /// <summary>Validates the request and records it like LivePerson would accept it (the default for unscripted requests).</summary>
    /// <returns>The scripted response.</returns>
    public static EmulatorResponse Accept() => new();

    /// <summary>Answers <paramref name="status"/> with <paramref name="body"/>, without validating or recording an escalation.</summary>
    /// <param name="status">The status code.</param>
    /// <param name="body">The response body.</param>
    /// <param name="contentType">The body's content type.</param>
    /// <returns>The scripted response.</returns>
    public static EmulatorResponse Status(HttpStatusCode status, string? body = null, string contentType = "application/json") =>
        new() { StatusCode = status, Body = body ?? $$"""{"error":"scripted {{(int)status}}"}""", ContentType = contentType };

    /// <summary>Closes the connection after reading the request, without any response: the client cannot know the outcome.</summary>
    /// <returns>The scripted response.</returns>
    public static EmulatorResponse Abort() => new() { AbortsConnection = true };

    /// <summary>Waits <paramref name="delay"/> before answering (measured on the emulator's time provider).</summary>
    /// <param name="delay">How long to wait.</param>
    /// <returns>A copy that waits first.</returns>
    public EmulatorResponse After(TimeSpan delay) => this with { Delay = delay };

    /// <summary>Adds <c>Retry-After</c> in seconds.</summary>
    /// <param name="delay">The delay to advertise.</param>
    /// <returns>A copy with the header.</returns>
    public EmulatorResponse WithRetryAfter(TimeSpan delay) =>
        this with { RetryAfter = ((long)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture) };

    /// <summary>Adds <c>Retry-After</c> as an HTTP date.</summary>
    /// <param name="date">The time to advertise.</param>
    /// <returns>A copy with the header.</returns>
    public EmulatorResponse WithRetryAfter(DateTimeOffset date) => this with { RetryAfter = date.ToString("r", CultureInfo.InvariantCulture) };
}
