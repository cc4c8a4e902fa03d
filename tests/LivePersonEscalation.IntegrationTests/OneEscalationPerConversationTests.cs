using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LivePersonEscalation.IntegrationTests;

/// <summary>
/// The paths on which one conversation could be escalated twice, or reported accepted when it was not, each played
/// over a real loopback socket with the exact number of requests asserted.
/// </summary>
public sealed class OneEscalationPerConversationTests : IAsyncLifetime
{
    private const string Key = "key-one-per-conversation";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly List<IAsyncDisposable> _disposables = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var disposable in _disposables)
        {
            await disposable.DisposeAsync();
        }
    }

    private async Task<LoopbackServer> ServeAsync(Func<HttpContext, Task> handle)
    {
        var server = await LoopbackServer.StartAsync(handle);
        _disposables.Add(server);
        return server;
    }

    private static Task Accept(HttpContext context) => context.Response.WriteAsJsonAsync(new { status = "accepted" });

    /// <summary>A server whose escalation endpoint answers <paramref name="status"/> to /moved, where it accepts anything.</summary>
    private Task<LoopbackServer> RedirectingServerAsync(int status) => ServeAsync(context =>
    {
        if (context.Request.Path == EscalationEmulator.EscalationPath)
        {
            context.Response.StatusCode = status;
            context.Response.Headers.Location = "/moved";
            return Task.CompletedTask;
        }

        return Accept(context);
    });

    private IEscalationClient Registered(Uri endpoint, Action<IHttpClientBuilder>? chain = null, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        services?.Invoke(collection);
        var builder = collection.AddLivePersonEscalation(o =>
        {
            o.Endpoint = endpoint;
            o.ApiAccessKey = Key;
        });
        chain?.Invoke(builder);
        var provider = collection.BuildServiceProvider();
        _disposables.Add(provider);
        return provider.GetRequiredService<IEscalationClient>();
    }

    // Path 1: redirects.

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_redirect_is_never_followed_nor_reported_accepted_with_a_plain_http_client(int status)
    {
        var server = await RedirectingServerAsync(status);
#pragma warning disable CA2000 // the README's non-DI example: the client is used for the test's life
        var client = new EscalationClient(new HttpClient(), new EscalationOptions { Endpoint = server.Endpoint, ApiAccessKey = Key });
#pragma warning restore CA2000

        var error = await Assert.ThrowsAsync<EscalationException>(() => client.EscalateAsync(TestRequests.For()));

        // A handler the library does not own may still follow a 301/302 as a GET without the body; the body
        // itself goes out once, and the answer is never taken for an acceptance.
        Assert.Equal(EscalationFailureKind.UnexpectedResponse, error.Kind);
        Assert.Equal(1, server.Count("POST"));
        Assert.Equal($"POST {EscalationEmulator.EscalationPath}", server.Requests[0]);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task The_safe_client_without_dependency_injection_never_follows_a_redirect(int status)
    {
        var server = await RedirectingServerAsync(status);
        var client = new EscalationClient(new EscalationOptions { Endpoint = server.Endpoint, ApiAccessKey = Key });

        var error = await Assert.ThrowsAsync<EscalationException>(() => client.EscalateAsync(TestRequests.For()));

        Assert.Equal(EscalationFailureKind.UnexpectedResponse, error.Kind);
        Assert.NotEqual(EscalationOutcome.Unknown, error.Outcome);
        Assert.Equal([$"POST {EscalationEmulator.EscalationPath}"], server.Requests);
    }

    [Fact]
    public async Task A_redirect_is_never_followed_when_the_host_replaces_the_primary_handler()
    {
        var server = await RedirectingServerAsync(307);
        var client = Registered(server.Endpoint, b => b.ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler()));

        var error = await Assert.ThrowsAsync<EscalationException>(() => client.EscalateAsync(TestRequests.For()));

        Assert.Equal(EscalationFailureKind.UnexpectedResponse, error.Kind);
        Assert.Single(server.Requests);
    }

    // Path 2: the caller cancels while the body of a 200 is being read.

    [Fact]
    public async Task A_cancellation_while_reading_an_accepting_body_keeps_the_acceptance()
    {
        var headersSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = await ServeAsync(async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"status\":");
            await context.Response.Body.FlushAsync();
            headersSent.TrySetResult();
            await finish.Task.WaitAsync(Bound);
        });
        var headersReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var client = Registered(server.Endpoint, b => b.AddHttpMessageHandler(() => new SignalOnHeaders(headersReceived)));
        using var cancel = new CancellationTokenSource();

        var first = client.EscalateAsync(TestRequests.For(), cancel.Token);
        await headersSent.Task.WaitAsync(Bound);
        await headersReceived.Task.WaitAsync(Bound); // the client has the 200's headers: the body read is what is cancelled
        await cancel.CancelAsync();
        var canceled = await Assert.ThrowsAsync<EscalationCanceledException>(() => first);
        finish.TrySetResult();
        var again = await client.EscalateAsync(TestRequests.For());

        Assert.Single(server.Requests);
        Assert.True(again.IsDeduplicated);
        Assert.Equal(EscalationOutcome.Accepted, canceled.Outcome);
        Assert.Equal(cancel.Token, canceled.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, canceled.Result!.StatusCode);
        Assert.True(canceled.Result.IsBodyTruncated);
    }

    // Path 3: one caller's cancellation must not end another caller's wait.

    [Fact]
    public async Task The_senders_cancellation_never_reaches_a_joined_caller()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = await ServeAsync(async context =>
        {
            arrived.TrySetResult();
            await finish.Task.WaitAsync(Bound);
        });
        var client = Registered(server.Endpoint);
        using var senderToken = new CancellationTokenSource();

        var sender = client.EscalateAsync(TestRequests.For(), senderToken.Token);
        await arrived.Task.WaitAsync(Bound);
        var joined = client.EscalateAsync(TestRequests.For());
        await senderToken.CancelAsync();
        var senderCanceled = await Assert.ThrowsAsync<EscalationCanceledException>(() => sender);
        var joinedError = await Record.ExceptionAsync(() => joined);
        finish.TrySetResult();

        Assert.Single(server.Requests);
        Assert.Equal(EscalationOutcome.Unknown, senderCanceled.Outcome);
        Assert.False(joinedError is OperationCanceledException, $"the joined caller got {joinedError}");
        var joinedFailure = Assert.IsType<EscalationException>(joinedError);
        Assert.Equal(EscalationFailureKind.Canceled, joinedFailure.Kind);
        Assert.Equal(EscalationOutcome.Unknown, joinedFailure.Outcome);
    }

    // Path 4, telemetry that throws: ThrowingTelemetryTests, which runs alone for its process-wide listener.

    // Path 5: a re-route to another skill within the window.

    [Fact]
    public async Task A_repeat_to_another_skill_is_never_answered_with_the_first_skills_acceptance()
    {
        var server = await ServeAsync(Accept);
        var client = Registered(server.Endpoint);

        await client.EscalateAsync(TestRequests.For(skillId: "111"));
        var error = await Record.ExceptionAsync(() => client.EscalateAsync(TestRequests.For(skillId: "222")));

        Assert.Single(server.Requests);
        var refused = Assert.IsType<EscalationException>(error);
        Assert.Equal(EscalationFailureKind.AlreadyEscalated, refused.Kind);
        Assert.True(refused.IsDeduplicated);
        Assert.Contains("111", refused.Message, StringComparison.Ordinal);
        Assert.Contains("222", refused.Message, StringComparison.Ordinal);
    }

    // Path 8: a cancellation after the request may have reached LivePerson.

    [Fact]
    public async Task A_cancellation_after_sending_is_remembered_so_an_immediate_retry_sends_nothing()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = await ServeAsync(async context =>
        {
            arrived.TrySetResult();
            await finish.Task.WaitAsync(Bound);
            await Accept(context);
        });
        var client = Registered(server.Endpoint);
        using var cancel = new CancellationTokenSource();

        var first = client.EscalateAsync(TestRequests.For(), cancel.Token);
        await arrived.Task.WaitAsync(Bound);
        await cancel.CancelAsync();
        var canceled = await Assert.ThrowsAsync<EscalationCanceledException>(() => first);
        var retry = await Record.ExceptionAsync(() => client.EscalateAsync(TestRequests.For()));
        finish.TrySetResult();

        Assert.Single(server.Requests);
        Assert.Equal(EscalationOutcome.Unknown, canceled.Outcome);
        Assert.Equal(EscalationOutcome.Unknown, canceled.Outcome);
        var unknown = Assert.IsType<EscalationException>(retry);
        Assert.Equal(EscalationOutcome.Unknown, unknown.Outcome);
        Assert.True(unknown.IsDeduplicated);
    }
}
