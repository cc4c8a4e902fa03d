using LivePersonEscalation.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LivePersonEscalation.WorkerSample;

/// <summary>
/// Hands the demo conversation over once, through the registered <see cref="AgentHandoff"/>, then stops the host.
/// A real host would do this when its bot decides to escalate.
/// </summary>
internal sealed partial class EscalationWorker(
    AgentHandoff handoff,
    IOptions<DemoConversation> demo,
    IHostApplicationLifetime lifetime,
    ILogger<EscalationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var conversation = demo.Value;
        var context = new InMemoryBotContext(conversation.Channel)
        {
            ConversationId = conversation.ConversationId,
            UserPlatformId = conversation.UserPlatformId,
            ChatBotId = conversation.ChatBotId,
        };

        try
        {
            var result = await handoff.HandOffAsync(
                context,
                new AgentHandoffRequest { TransferMessage = conversation.TransferMessage, AgentSkillName = conversation.SkillName },
                stoppingToken);

            if (result.Failure is { } failure)
            {
                LogFailed(logger, conversation.ConversationId, failure.Kind, failure);
                Environment.ExitCode = 1;
            }
            else
            {
                LogAccepted(logger, conversation.ConversationId, result.Request.AgentSkillName, result.TransferMessage.Method, result.Escalation!.RequestId);
            }
        }
        catch (ArgumentException ex)
        {
            LogInvalid(logger, ex.Message);
            Environment.ExitCode = 2;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Escalation of conversation {ConversationId} to skill {SkillName} accepted (transfer message {Delivery}, request id {RequestId}).")]
    private static partial void LogAccepted(ILogger logger, string conversationId, string? skillName, TransferMessageMethod delivery, string? requestId);

    [LoggerMessage(2, LogLevel.Error, "Escalation of conversation {ConversationId} failed: {Kind}.")]
    private static partial void LogFailed(ILogger logger, string conversationId, EscalationFailureKind kind, Exception exception);

    [LoggerMessage(3, LogLevel.Error, "Escalation not sent: {Problem}")]
    private static partial void LogInvalid(ILogger logger, string problem);
}
