using Microsoft.Extensions.Options;

namespace LivePersonEscalation.WebhookSample;

/// <summary>
/// POST /transfer-failures: the bot heard <c>__agent_escalation_failed__</c>. Reports it once per escalation, and
/// answers with the escalation to the fallback skill, or with the text to show when the library gave up.
/// </summary>
internal static class TransferFailureEndpoint
{
    public static async Task<IResult> HandleAsync(HttpRequest request, IEscalationClient client, IOptions<WebhookSettings> options, SkillNames skills)
    {
        var settings = options.Value;
        var (call, problem) = await WebhookCall.ReadAsync(request, WebhookJsonContext.Default.TransferFailureCall, settings, c => c.Fields, request.HttpContext.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        if (call!.EscalationId is { } named && string.IsNullOrWhiteSpace(named))
        {
            // Blank is not absent: a retried report would count again under "the latest escalation".
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["escalationId"] = ["escalationId is blank: send the escalationId /escalations answered, or leave the field out for the conversation's latest escalation."] },
                title: "The transfer-failure report is invalid.");
        }

        var preview = new BotChannel(call.Channel!).IsPreview;
        try
        {
            // Not RequestAborted, as for /escalations: a report and its fallback finish even if the bot hung up.
            var outcome = await client.ReportTransferFailureAsync(
                new TransferFailureReport
                {
                    ConversationId = call.ConversationId!,
                    UserPlatformId = call.UserPlatformId!,
                    ChatBotId = call.ChatBotId!,
                    EscalationId = call.EscalationId,
                    Message = preview ? EscalationRequest.BlankMessage : settings.TransferMessage,
                },
                CancellationToken.None);
            if (outcome.GaveUp)
            {
                return Results.Ok(new EscalationAnswer { Accepted = false, GaveUp = true, Repeated = outcome.IsRepeatedReport, Failures = outcome.TransferFailures, ShowUser = settings.GiveUpMessage });
            }

            return Results.Ok(new EscalationAnswer
            {
                Accepted = true,
                Fallback = true,
                Repeated = outcome.IsRepeatedReport,
                Deduplicated = outcome.IsRepeatedReport,
                Skill = skills.NameOf(outcome.FallbackSkillId),
                EscalationId = outcome.EscalationId,
                Failures = outcome.TransferFailures,
                RequestId = outcome.Escalation?.RequestId,
                // Also on a repeated report: a bot that retries may never have seen the first answer.
                SendTransferMessage = preview,
                TransferMessage = preview ? settings.TransferMessage : null,
            });
        }
        catch (ArgumentException ex)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["report"] = [ex.Message] }, title: "The transfer-failure report is invalid.");
        }
        catch (EscalationException ex) when (ex.Kind == EscalationFailureKind.UnknownEscalation)
        {
            // Nothing was counted or sent: the id is not one this webhook gave for the conversation (or none is known).
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["escalationId"] = [ex.Message] }, title: "The transfer-failure report names no escalation of this conversation.");
        }
        catch (EscalationException ex)
        {
            // The failure is recorded; the escalation to the fallback failed. A repeated report tries the fallback again.
            return Results.Ok(EscalationEndpoint.Failed(ex, skill: null, settings));
        }
    }
}
