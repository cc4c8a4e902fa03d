using System.Net;

namespace LivePersonEscalation.Internal;

/// <summary>
/// Finds, before the first escalation is sent, a handler of the host's that re-sends a POST (a retry or a hedge, such
/// as <c>ConfigureHttpClientDefaults(h => h.AddStandardResilienceHandler())</c> without
/// <c>DisableForUnsafeHttpMethods()</c>): a probe goes through the client's pipeline and is answered
/// <c>503 Service Unavailable</c> with <c>Retry-After: 0</c> by the library's innermost handler, so it never leaves
/// the process. A pipeline that brings it back a second time would send an escalation twice.
/// </summary>
internal sealed class PipelineProbe
{
    private static readonly RequestTag<PipelineProbe> Tag = new("LivePersonEscalation.PipelineProbe");

    /// <summary>The header that marks the probe, so a host's handler that counts or logs requests can leave it out.</summary>
    public const string Header = "X-LivePersonEscalation-Probe";

    // A handler that waits longer than this before it retries is not waited for: the probe answers "sends once".
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    private readonly TaskCompletionSource<bool> _resent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _sends;

    /// <summary>The probe a request carries, if it is one.</summary>
    public static bool IsProbe(HttpRequestMessage request) => Of(request) is not null || request.Headers.Contains(Header);

    public static PipelineProbe? Of(HttpRequestMessage request) => Tag.Of(request);

    /// <summary>True when a handler of <paramref name="httpClient"/>'s pipeline sent the probe more than once.</summary>
    public static async Task<bool> ResendsAsync(HttpClient httpClient, Uri endpoint)
    {
        var probe = new PipelineProbe();
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent([]) };
        request.Headers.TryAddWithoutValidation(Header, "1");
        Tag.Set(request, probe);
        var stop = new CancellationTokenSource();
        var sending = SendAsync(httpClient, request, stop);
        var first = await Task.WhenAny(sending, probe._resent.Task, Task.Delay(Bound)).ConfigureAwait(false);
        // A retry loop still under way ends here (it only ever reaches the probe's answer); a handler that ignores
        // the cancellation is not waited for: the send disposes its request when it ends. The token source has no
        // timer, so it holds nothing to release; it is left to the collector rather than disposed under a send.
        stop.Cancel();
        return first == probe._resent.Task || probe._resent.Task.IsCompleted;
    }

    /// <summary>
    /// What the library's innermost handler answers a request marked as the probe: never the network. A handler that
    /// copied the request without its options still gets the answer (uncounted).
    /// </summary>
    public static HttpResponseMessage AnswerTo(HttpRequestMessage request)
    {
        if (Of(request) is { } probe && Interlocked.Increment(ref probe._sends) > 1)
        {
            probe._resent.TrySetResult(true);
        }

        var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { RequestMessage = request, Content = new ByteArrayContent([]) };
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero);
        return response;
    }

#pragma warning disable CA1031 // Whatever the host's handlers make of the probe, it only answers "sends once" or "resends".
    private static async Task SendAsync(HttpClient httpClient, HttpRequestMessage request, CancellationTokenSource stop)
    {
        try
        {
            using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
        }
        finally
        {
            request.Dispose();
        }
    }
#pragma warning restore CA1031
}
