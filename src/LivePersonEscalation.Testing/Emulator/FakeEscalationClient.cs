using LivePersonEscalation.Testing.Internal;

namespace LivePersonEscalation.Testing;

/// <summary>
/// An <see cref="IEscalationClient"/> for unit tests that need no sockets: the real <see cref="EscalationClient"/>
/// (validation, wire format, error mapping) over an in-memory emulator of the endpoint, which records every
/// escalation and plays scripted responses like <see cref="EscalationEmulator"/>.
/// </summary>
/// <example>
/// <code>
/// var fake = new FakeEscalationClient();
/// fake.Script(EmulatorResponse.Status(HttpStatusCode.Unauthorized));
/// var bot = new MyBot(fake);                 // code under test takes an IEscalationClient
/// await bot.HandleAsync("agent please");
/// Assert.Empty(fake.Escalations);
/// </code>
/// </example>
public sealed class FakeEscalationClient : IEscalationClient
{
    /// <summary>The key the fake accepts and its client sends.</summary>
    public const string ApiAccessKey = "fake-api-key";

    /// <summary>The endpoint the fake's client posts to (never resolved: nothing leaves the process).</summary>
    public static Uri Endpoint { get; } = new("https://escalation.fake.invalid" + EscalationEmulator.EscalationPath);

    private readonly EmulatorEngine _engine;
    private readonly EscalationClient _client;
    private readonly EscalationOptions _options;

    /// <summary>Creates a fake; <paramref name="configure"/> may set skills or a timeout (endpoint and key are the fake's).</summary>
    /// <param name="configure">Adjusts the client's options.</param>
    /// <param name="timeProvider">The clock for scripted delays.</param>
    public FakeEscalationClient(Action<EscalationOptions>? configure = null, TimeProvider? timeProvider = null)
    {
        _engine = new EmulatorEngine(ApiAccessKey, timeProvider ?? TimeProvider.System);
        var options = new EscalationOptions();
        configure?.Invoke(options);
        options.Endpoint = Endpoint;
        options.ApiAccessKey = ApiAccessKey;
        _options = options;
        _client = new EscalationClient(new HttpClient(CreateHandler()), options);
    }

    /// <summary>The escalations accepted so far, in arrival order.</summary>
    public IReadOnlyList<RecordedEscalation> Escalations => _engine.Escalations;

    /// <summary>Every request received so far, accepted or not.</summary>
    public IReadOnlyList<EmulatorRequest> Requests => _engine.Requests;

    /// <summary>
    /// Makes the transfer of every escalation accepted from now on to one of <paramref name="skillIds"/> fail, as a
    /// skill without agents would: the escalation is accepted, and LivePerson would then send the bot
    /// <see cref="TransferFailureReport.EscalationFailedSignal"/>. Read those signals from <see cref="TransferFailures"/>.
    /// </summary>
    /// <param name="skillIds">Numeric skill ids.</param>
    public void FailTransfersTo(params string[] skillIds) => _engine.FailTransfersTo(skillIds);

    /// <summary>
    /// The accepted escalations whose transfer failed (see <see cref="FailTransfersTo"/>), in arrival order: each is a
    /// <see cref="TransferFailureReport.EscalationFailedSignal"/> message the bot under test should receive.
    /// </summary>
    public IReadOnlyList<RecordedEscalation> TransferFailures => _engine.TransferFailures;

    /// <summary>Queues how the next requests are answered; unscripted requests are accepted.</summary>
    /// <param name="responses">The responses, in order.</param>
    public void Script(params EmulatorResponse[] responses) => _engine.Script(responses);

    /// <summary>
    /// A handler that answers from this fake's in-memory emulator, to plug under a host's own registration:
    /// <c>services.AddLivePersonEscalation(...).ConfigurePrimaryHttpMessageHandler(fake.CreateHandler)</c>
    /// (with <see cref="Endpoint"/> and <see cref="ApiAccessKey"/> in the options).
    /// </summary>
    /// <returns>A new handler over the same records.</returns>
    public HttpMessageHandler CreateHandler() => new EmulatorMessageHandler(_engine);

    /// <summary>
    /// An <see cref="AgentHandoff"/> over this fake that resolves skill names through the skills this fake was
    /// configured with, so a test does not repeat them.
    /// </summary>
    /// <returns>A handoff escalating through this fake.</returns>
    public AgentHandoff CreateHandoff() => new(this, _options);

    /// <inheritdoc />
    public Task<EscalationResult> EscalateAsync(EscalationRequest request, CancellationToken cancellationToken = default) =>
        _client.EscalateAsync(request, cancellationToken);

    /// <inheritdoc />
    public Task<TransferFailureResult> ReportTransferFailureAsync(TransferFailureReport report, CancellationToken cancellationToken = default) =>
        _client.ReportTransferFailureAsync(report, cancellationToken);
}
