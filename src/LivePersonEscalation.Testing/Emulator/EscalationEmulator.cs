using LivePersonEscalation.Testing.Internal;
using Microsoft.AspNetCore.Builder;

namespace LivePersonEscalation.Testing;

/// <summary>
/// A local emulator of the Conversation Builder escalation endpoint: a real HTTP server (Kestrel) on loopback that
/// serves <c>POST /botservice-0.1/botcentral/livePersonAgent</c> as LivePerson documents it. It checks the key
/// (401), the body (400 with the reason), records every escalation it accepts, and plays scripted faults.
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await EscalationEmulator.StartAsync();
/// var client = new EscalationClient(new EscalationOptions
/// {
///     Endpoint = emulator.Endpoint,
///     ApiAccessKey = emulator.ApiAccessKey,
/// });
/// await client.EscalateAsync(request);
/// var accepted = await emulator.WaitForEscalationsAsync(1);
/// </code>
/// </example>
public sealed partial class EscalationEmulator : IAsyncDisposable
{
    /// <summary>The path of LivePerson's escalation endpoint on every host: <c>/botservice-0.1/botcentral/livePersonAgent</c>.</summary>
    public const string EscalationPath = "/botservice-0.1/botcentral/livePersonAgent";

    /// <summary>The largest request body read: 1 MiB; larger ones get 413.</summary>
    public const int MaxRequestBodyBytes = 1024 * 1024;

    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private readonly WebApplication _app;
    private readonly EmulatorEngine _engine;

    private EscalationEmulator(WebApplication app, EmulatorEngine engine, Uri baseAddress)
    {
        _app = app;
        _engine = engine;
        BaseAddress = baseAddress;
        Endpoint = new Uri(baseAddress, EscalationPath);
    }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The escalation endpoint: set <see cref="EscalationOptions.Endpoint"/> to it.</summary>
    public Uri Endpoint { get; }

    /// <summary>The key the emulator accepts: set <see cref="EscalationOptions.ApiAccessKey"/> to it.</summary>
    public string ApiAccessKey => _engine.ApiAccessKey;

    /// <summary>The escalations accepted so far, in arrival order.</summary>
    public IReadOnlyList<RecordedEscalation> Escalations => _engine.Escalations;

    /// <summary>Every request received so far, accepted or not, in arrival order.</summary>
    public IReadOnlyList<EmulatorRequest> Requests => _engine.Requests;

    /// <summary>Starts an emulator on a free loopback port.</summary>
    /// <param name="options">Key, address, port and clock; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop.</returns>
    public static async Task<EscalationEmulator> StartAsync(EscalationEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EscalationEmulatorOptions();
        var engine = new EmulatorEngine(options.ApiAccessKey, options.TimeProvider);
        var (app, baseAddress) = await LoopbackHost.StartAsync(
            options.Address,
            options.Port,
            context => ServeAsync(context, engine),
            kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes,
            cancellationToken).ConfigureAwait(false);
        return new EscalationEmulator(app, engine, baseAddress);
    }

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

    /// <summary>Queues how the next requests are answered, one response per request; unscripted requests are accepted.</summary>
    /// <param name="responses">The responses, in order.</param>
    public void Script(params EmulatorResponse[] responses) => _engine.Script(responses);

    /// <summary>Forgets recorded requests, escalations and queued responses.</summary>
    public void Reset() => _engine.Reset();

    /// <summary>Waits until at least <paramref name="count"/> escalations were accepted, for at most <paramref name="timeout"/> (10 s by default).</summary>
    /// <param name="count">How many escalations to wait for.</param>
    /// <param name="timeout">How long to wait at most, on the emulator's clock.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The escalations accepted by then.</returns>
    /// <exception cref="TimeoutException">Fewer arrived in time; the message says how many.</exception>
    public Task<IReadOnlyList<RecordedEscalation>> WaitForEscalationsAsync(int count, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _engine.WaitForEscalationsAsync(count, timeout ?? DefaultWait, cancellationToken);

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when the server stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
