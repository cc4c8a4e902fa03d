using LivePersonEscalation.Internal;
using Microsoft.Extensions.Logging;

namespace LivePersonEscalation;

/// <summary>
/// Making a client without dependency injection: on the library's shared pipeline (the safe choice) or a host's HttpClient.
/// </summary>
public sealed partial class EscalationClient
{
    /// <summary>
    /// Creates a client with <paramref name="options"/>, validated now, on the library's own shared HTTP pipeline:
    /// it never follows redirects and lets each attempt reach the network once. The safe choice without dependency
    /// injection. The options are read once.
    /// </summary>
    /// <param name="options">Region or endpoint, API access key, timeout, skills, retry and duplicate guard.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is invalid; the message names it.</exception>
    public EscalationClient(EscalationOptions options)
        : this(options, loggerFactory: null)
    {
    }

    /// <summary>
    /// Creates a client with <paramref name="options"/>, validated now, on the library's own shared HTTP pipeline
    /// (see <see cref="EscalationClient(EscalationOptions)"/>), logging through <paramref name="loggerFactory"/>.
    /// </summary>
    /// <param name="options">Region or endpoint, API access key, timeout, skills, retry and duplicate guard.</param>
    /// <param name="loggerFactory">Where the client logs (category <c>LivePersonEscalation</c>); null for no logs.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is invalid; the message names it.</exception>
    public EscalationClient(EscalationOptions options, ILoggerFactory? loggerFactory)
        : this(SharedHttpClient, CreateRuntime(options, loggerFactory), hasSingleSendHandler: true)
    {
    }

    /// <summary>
    /// Creates a client over <paramref name="httpClient"/> with <paramref name="options"/>, validated now.
    /// Prefer <see cref="EscalationClient(EscalationOptions)"/>: the library cannot stop a handler
    /// it does not own from following a redirect or retrying, though it never reports such an answer as accepted.
    /// </summary>
    /// <param name="httpClient">The HTTP client to send with; its <see cref="HttpClient.Timeout"/> also applies.</param>
    /// <param name="options">Region or endpoint, API access key, timeout, skills, retry and duplicate guard.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is invalid; the message names it.</exception>
    public EscalationClient(HttpClient httpClient, EscalationOptions options)
        : this(httpClient, options, loggerFactory: null)
    {
    }

    /// <summary>
    /// Creates a client over <paramref name="httpClient"/> with <paramref name="options"/>, validated now, logging
    /// through <paramref name="loggerFactory"/> (category <c>LivePersonEscalation</c>).
    /// </summary>
    /// <param name="httpClient">The HTTP client to send with; its <see cref="HttpClient.Timeout"/> also applies.</param>
    /// <param name="options">Region or endpoint, API access key, timeout, skills, retry and duplicate guard.</param>
    /// <param name="loggerFactory">Where the client logs; null for no logs.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is invalid; the message names it.</exception>
    public EscalationClient(HttpClient httpClient, EscalationOptions options, ILoggerFactory? loggerFactory)
        : this(Argument.NotNull(httpClient), CreateRuntime(options, loggerFactory), hasSingleSendHandler: false)
    {
    }

    private static HttpClient SharedHttpClient { get; } = new(SingleSendHandler.Shared, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };

    private static EscalationRuntime CreateRuntime(EscalationOptions options, ILoggerFactory? loggerFactory) =>
        new(EscalationSettings.Create(Argument.NotNull(options)), TimeProvider.System, meterFactory: null, loggerFactory);
}
