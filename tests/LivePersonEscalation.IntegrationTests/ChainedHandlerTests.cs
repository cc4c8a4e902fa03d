using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace LivePersonEscalation.IntegrationTests;

/// <summary>
/// A host's reflex: <c>AddStandardResilienceHandler()</c> chained on the builder the library returns. Whatever it
/// retries or cuts off, one attempt of an escalation goes out once, and a late answer is an unknown outcome.
/// </summary>
public sealed class ChainedHandlerTests : IAsyncLifetime
{
    private const string Key = "key-chained-handlers";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly TaskCompletionSource _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ServiceProvider? _provider;
    private LoopbackServer? _server;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _finish.TrySetResult();
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task<IEscalationClient> ClientAsync(Func<HttpContext, int, Task> handle, Action<HttpStandardResilienceOptions> resilience, bool disableForUnsafeMethods = false)
    {
        var count = 0;
        _server = await LoopbackServer.StartAsync(context => handle(context, Interlocked.Increment(ref count)));
        var services = new ServiceCollection();
        var standard = services.AddLivePersonEscalation(o =>
        {
            o.Endpoint = _server.Endpoint;
            o.ApiAccessKey = Key;
        }).AddStandardResilienceHandler(resilience);
        if (disableForUnsafeMethods)
        {
            standard.Configure(o => o.Retry.DisableForUnsafeHttpMethods());
        }

        _provider = services.BuildServiceProvider();
        return _provider.GetRequiredService<IEscalationClient>();
    }

    [Fact]
    public async Task A_retrying_handler_is_found_before_anything_is_sent_with_the_fix()
    {
        var client = await ClientAsync(
            async (context, n) =>
            {
                context.Response.StatusCode = n == 1 ? 500 : 200;
                await context.Response.WriteAsync("{}");
            },
            o => o.Retry.Delay = TimeSpan.Zero);

        var error = await Record.ExceptionAsync(() => client.EscalateAsync(TestRequests.For("conv-chained")));
        var again = await Record.ExceptionAsync(() => client.EscalateAsync(TestRequests.For("conv-chained-2")));

        Assert.Empty(_server!.Requests);
        var failure = Assert.IsType<EscalationException>(error);
        Assert.Equal(EscalationFailureKind.RepeatedSend, failure.Kind);
        Assert.Equal(EscalationOutcome.NotAccepted, failure.Outcome);
        Assert.Contains("DisableForUnsafeHttpMethods()", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Found before anything was sent", failure.Message, StringComparison.Ordinal);
        Assert.Equal(EscalationFailureKind.RepeatedSend, Assert.IsType<EscalationException>(again).Kind);
    }

    [Fact]
    public async Task A_handoff_through_a_retrying_handler_tells_the_user_nothing_and_sends_nothing()
    {
        await ClientAsync(
            async (context, _) => await context.Response.WriteAsync("{}"),
            o => o.Retry.Delay = TimeSpan.Zero);
        // The preview channel, where the bot itself tells the user before escalating.
        var user = new InMemoryBotContext(BotChannel.Web) { ConversationId = "conv-handoff-chained" };

        var result = await _provider!.GetRequiredService<AgentHandoff>().HandOffAsync(user, new AgentHandoffRequest { AgentSkillId = "111", TransferMessage = "Transferring you to an agent now." });

        Assert.Empty(_server!.Requests);
        Assert.Empty(user.SentMessages);
        Assert.Equal(TransferMessageMethod.NotDelivered, result.TransferMessage.Method);
        Assert.Equal(EscalationFailureKind.RepeatedSend, result.Failure?.Kind);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_hosts_standard_handler_on_every_client_with_a_503_then_200_gives_one_answer_never_unknown(bool disableForUnsafeMethods)
    {
        var count = 0;
        _server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = Interlocked.Increment(ref count) == 1 ? 503 : 200;
            await context.Response.WriteAsync("{}");
        });
        var services = new ServiceCollection();
        services.ConfigureHttpClientDefaults(http =>
        {
            var standard = http.AddStandardResilienceHandler(o => o.Retry.Delay = TimeSpan.Zero);
            if (disableForUnsafeMethods)
            {
                standard.Configure(o => o.Retry.DisableForUnsafeHttpMethods());
            }
        });
        services.AddLivePersonEscalation(o =>
        {
            o.Endpoint = _server.Endpoint;
            o.ApiAccessKey = Key;
            o.Retry.BaseDelay = TimeSpan.Zero;
        });
        _provider = services.BuildServiceProvider();

        var error = await Record.ExceptionAsync(() => _provider.GetRequiredService<IEscalationClient>().EscalateAsync(TestRequests.For("conv-host-wide")));

        if (disableForUnsafeMethods)
        {
            // Only the library retries: the 503 provably was not accepted, so it sends again and the 200 is the answer.
            Assert.Null(error);
            Assert.Equal(2, _server.Requests.Count);
        }
        else
        {
            // The host's handler would re-send: refused before anything was sent, with the fix.
            var failure = Assert.IsType<EscalationException>(error);
            Assert.Equal(EscalationOutcome.NotAccepted, failure.Outcome);
            Assert.Contains("DisableForUnsafeHttpMethods()", failure.Message, StringComparison.Ordinal);
            Assert.Empty(_server.Requests);
        }
    }

    [Fact]
    public async Task An_answer_slower_than_the_handlers_attempt_timeout_is_never_sent_twice()
    {
        var client = await ClientAsync(
            async (context, n) =>
            {
                await _finish.Task.WaitAsync(Bound);
                await context.Response.WriteAsync("{}");
            },
            o =>
            {
                o.Retry.Delay = TimeSpan.Zero;
                o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(1);
            });

        var error = await Record.ExceptionAsync(() => client.EscalateAsync(TestRequests.For("conv-chained")));

        // Its retry on the attempt timeout would send twice: found before anything was sent.
        Assert.Empty(_server!.Requests);
        var failure = Assert.IsType<EscalationException>(error);
        Assert.Equal(EscalationOutcome.NotAccepted, failure.Outcome);
    }

    [Fact]
    public async Task With_retries_disabled_for_unsafe_methods_a_late_answer_is_an_unknown_outcome_not_a_polly_exception()
    {
        var client = await ClientAsync(
            async (context, n) =>
            {
                await _finish.Task.WaitAsync(Bound);
                await context.Response.WriteAsync("{}");
            },
            o => o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(1),
            disableForUnsafeMethods: true);

        var error = await Record.ExceptionAsync(() => client.EscalateAsync(TestRequests.For("conv-chained")));

        Assert.Single(_server!.Requests);
        var failure = Assert.IsType<EscalationException>(error);
        Assert.Equal(EscalationOutcome.Unknown, failure.Outcome);
        Assert.Equal(EscalationFailureKind.Timeout, failure.Kind);
    }

    [Fact]
    public async Task The_readme_host_wide_standard_handler_without_unsafe_retries_sends_a_500_once()
    {
        _server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 500;
            await context.Response.WriteAsync("{}");
        });
        var services = new ServiceCollection();
        services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler()
            .Configure(options => options.Retry.DisableForUnsafeHttpMethods()));
        services.AddLivePersonEscalation(o =>
        {
            o.Endpoint = _server.Endpoint;
            o.ApiAccessKey = Key;
        });
        _provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<EscalationException>(() => _provider.GetRequiredService<IEscalationClient>().EscalateAsync(TestRequests.For("conv-chained")));

        Assert.Equal(EscalationFailureKind.ServerError, error.Kind);
        Assert.Single(_server.Requests);
    }
}
