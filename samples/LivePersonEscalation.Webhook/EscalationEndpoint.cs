using Microsoft.Extensions.Options;

namespace LivePersonEscalation.WebhookSample;

/// <summary>
/// POST /escalations: checks the secret and the body, picks the skill from the intent, asks LivePerson whether the
/// skill is on shift and anyone is online (the library's availability snapshot; the hand-written business hours only
/// when that is not configured), escalates, and answers the bot with what to do next.
/// </summary>
internal static class EscalationEndpoint
{
    public static async Task<IResult> HandleAsync(HttpRequest request, IEscalationClient client, ISkillAvailabilitySnapshot availability, IOptions<WebhookSettings> options, SkillNames skills, TimeProvider time)
    {
        var settings = options.Value;
        var (call, problem) = await WebhookCall.ReadAsync(request, WebhookJsonContext.Default.EscalationCall, settings, c => c.Fields, request.HttpContext.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        var skill = settings.SkillFor(call!.Intent);
        if (!availability.IsEnabled && !settings.BusinessHours.IsOpen(time.GetUtcNow()))
        {
            return Results.Ok(new EscalationAnswer { Accepted = false, OutOfHours = true, Skill = skill, ShowUser = settings.BusinessHours.ClosedMessage });
        }

        // On the Conversation Builder preview (web) the message never reaches LiveEngage: the bot sends it itself.
        var preview = new BotChannel(call.Channel!).IsPreview;
        var escalation = new EscalationRequest
        {
            ConversationId = call.ConversationId!,
            UserPlatformId = call.UserPlatformId!,
            ChatBotId = call.ChatBotId!,
            AgentSkillName = skill,
            Message = preview ? EscalationRequest.BlankMessage : settings.TransferMessage,
        };
        try
        {
            // LivePerson's shift status and agents online, from the snapshot the library refreshes in the background:
            // no call to LivePerson here once it exists. Off shift (or nobody online, if so configured) sends nothing.
            var decision = await availability.DecideAsync(escalation, CancellationToken.None);
            if (decision.IsOffShift)
            {
                return Results.Ok(new EscalationAnswer { Accepted = false, OutOfHours = true, OpensAt = decision.OpensAt?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), Skill = skill, ShowUser = settings.BusinessHours.OffShiftMessage(decision.OpensAt, time.GetUtcNow()) });
            }

            var waitSeconds = decision.ExpectedWait is { } wait ? (long?)Math.Ceiling(wait.TotalSeconds) : null;
            var minutes = decision.ExpectedWaitMinutes?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (decision.IsLongWait && call.AcceptWait != true)
            {
                // The user chooses: nothing is sent until the bot calls again with "acceptWait": true.
                return Results.Ok(new EscalationAnswer { Accepted = false, LongWait = true, ExpectedWaitSeconds = waitSeconds, Skill = skills.NameOf(decision.Request.AgentSkillId), ShowUser = settings.LongWaitMessage.Replace("{minutes}", minutes, StringComparison.Ordinal) });
            }

            if (!decision.ShouldEscalate && !decision.IsLongWait)
            {
                return Results.Ok(new EscalationAnswer { Accepted = false, NoAgentsOnline = true, Skill = skill, ShowUser = settings.NoAgentsMessage });
            }

            // The skill it really goes to (a fallback, also under a long wait the user accepted).
            var fallback = decision.Request.AgentSkillId is { } decidedId && skills.NameOf(decidedId) is { } decided && !string.Equals(decided, skill, StringComparison.OrdinalIgnoreCase);
            if (fallback)
            {
                skill = skills.NameOf(decision.Request.AgentSkillId);
            }

            // With the wait known, the transfer message says it.
            var transferMessage = minutes is null ? settings.TransferMessage : settings.WaitMessage.Replace("{minutes}", minutes, StringComparison.Ordinal);
            if (!preview)
            {
                decision = new TransferDecision { Kind = decision.Kind, Request = decision.Request with { Message = transferMessage }, ExpectedWait = decision.ExpectedWait, RequestedSkillWait = decision.RequestedSkillWait, OpensAt = decision.OpensAt, Reason = decision.Reason };
            }

            // Not the request's RequestAborted: an escalation under way finishes and is recorded even when the bot
            // stopped waiting, so its retry is told the outcome instead of "unknown". The library bounds its time.
            var result = await client.EscalateAsync(decision.Request, CancellationToken.None);
            return Results.Ok(new EscalationAnswer
            {
                Accepted = true,
                Deduplicated = result.IsDeduplicated,
                Fallback = fallback,
                ExpectedWaitSeconds = waitSeconds,
                NoAgentsOnline = decision.IsNoAgentsOnline ? true : null,
                AvailabilityUnknown = decision.IsUnknown ? true : null,
                Skill = skill,
                EscalationId = result.EscalationId,
                Failures = result.TransferFailures,
                RequestId = result.RequestId,
                // Also on a repeat: a bot that retries may never have seen the first answer.
                SendTransferMessage = preview,
                TransferMessage = preview ? transferMessage : null,
            });
        }
        catch (ArgumentException ex)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["escalation"] = [ex.Message] }, title: "The escalation is invalid.");
        }
        catch (EscalationException ex) when (ex.Kind == EscalationFailureKind.AlreadyEscalated && ex.EarlierEscalationId is not null)
        {
            // Escalated moments ago to another skill: that transfer is under way; say where it really went.
            return Results.Ok(new EscalationAnswer
            {
                Accepted = true,
                Deduplicated = true,
                Skill = skills.NameOf(ex.EarlierAgentSkillId),
                EscalationId = ex.EarlierEscalationId,
                Failures = ex.TransferFailures,
                RequestId = ex.RequestId,
            });
        }
        catch (EscalationException ex) when (ex.Kind == EscalationFailureKind.GaveUp)
        {
            return Results.Ok(new EscalationAnswer { Accepted = false, GaveUp = true, Failures = ex.TransferFailures, FailureKind = ex.Kind.ToString(), ShowUser = settings.GiveUpMessage });
        }
        catch (EscalationException ex)
        {
            return Results.Ok(Failed(ex, skill, settings));
        }
    }

    /// <summary>The answer to an escalation LivePerson refused (a text for the user), or whose outcome is unknown (none: it may be under way).</summary>
    public static EscalationAnswer Failed(EscalationException failure, string? skill, WebhookSettings settings) => new()
    {
        Accepted = false,
        Skill = skill,
        RequestId = failure.RequestId,
        FailureKind = failure.Kind.ToString(),
        OutcomeUnknown = (failure.Outcome == EscalationOutcome.Unknown),
        ShowUser = (failure.Outcome == EscalationOutcome.Unknown) ? null : settings.FailureMessage,
    };
}
