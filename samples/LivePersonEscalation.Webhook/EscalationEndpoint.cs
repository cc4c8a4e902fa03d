using System.Text.Json;
using Microsoft.Extensions.Options;

namespace LivePersonEscalation.WebhookSample;

/// <summary>
/// POST /escalations: checks the secret and the body, picks the skill from the intent, respects business hours,
/// escalates, and answers the bot with what to do next.
/// </summary>
internal static class EscalationEndpoint
{
    public static async Task<IResult> HandleAsync(HttpRequest request, IEscalationClient client, IOptions<WebhookSettings> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!WebhookSecret.Matches(request.Headers[WebhookSecret.Header], settings.Secret))
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: $"Missing or wrong {WebhookSecret.Header} header.");
        }

        EscalationCall? call;
        try
        {
            call = await JsonSerializer.DeserializeAsync(request.Body, WebhookJsonContext.Default.EscalationCall, cancellationToken);
        }
        catch (JsonException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not the JSON this webhook takes.", detail: ex.Message);
        }

        if (Invalid(call) is { } errors)
        {
            return Results.ValidationProblem(errors, title: "The escalation call is missing fields.");
        }

        var skill = settings.SkillFor(call!.Intent);
        if (!settings.BusinessHours.IsOpen(time.GetUtcNow()))
        {
            return Results.Ok(new EscalationAnswer { Accepted = false, OutOfHours = true, Skill = skill, ShowUser = settings.BusinessHours.ClosedMessage });
        }

        // On the Conversation Builder preview (web) the message never reaches LiveEngage: the bot sends it itself.
        var preview = new BotChannel(call.Channel!).IsPreview;
        try
        {
            var result = await client.EscalateAsync(
                new EscalationRequest
                {
                    ConversationId = call.ConversationId!,
                    UserPlatformId = call.UserPlatformId!,
                    ChatBotId = call.ChatBotId!,
                    AgentSkillName = skill,
                    Message = preview ? EscalationRequest.BlankMessage : settings.TransferMessage,
                },
                cancellationToken);
            return Results.Ok(new EscalationAnswer
            {
                Accepted = true,
                Deduplicated = result.IsDeduplicated,
                Skill = skill,
                RequestId = result.RequestId,
                SendTransferMessage = preview,
                TransferMessage = preview ? settings.TransferMessage : null,
            });
        }
        catch (ArgumentException ex)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["escalation"] = [ex.Message] }, title: "The escalation is invalid.");
        }
        catch (EscalationException ex)
        {
            return Results.Ok(new EscalationAnswer
            {
                Accepted = false,
                Skill = skill,
                RequestId = ex.RequestId,
                FailureKind = ex.Kind.ToString(),
                OutcomeUnknown = ex.IsOutcomeUnknown,
                ShowUser = ex.IsOutcomeUnknown ? null : settings.FailureMessage,
            });
        }
    }

    /// <summary>The fields the call lacks, each named as in the JSON, or null when it has them all.</summary>
    private static Dictionary<string, string[]>? Invalid(EscalationCall? call)
    {
        var errors = new Dictionary<string, string[]>();
        void Require(string? value, string field, string what)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors[field] = [$"{field} is required: {what}."];
            }
        }

        Require(call?.ConversationId, "conversationId", "the conversation id ({$conversationId} or botContext.getConversationId())");
        Require(call?.UserPlatformId, "userPlatformId", "the user platform id (botContext.getUserPlatformId())");
        Require(call?.ChatBotId, "chatBotId", "the bot's id ({$chatBotId})");
        Require(call?.Channel, "channel", "the channel (botContext.getChannel(), e.g. lp_web or web)");
        return errors.Count == 0 ? null : errors;
    }
}
