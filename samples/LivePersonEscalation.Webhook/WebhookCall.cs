using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LivePersonEscalation.WebhookSample;

/// <summary>What both endpoints check first: the secret, a JSON body, the conversation's ids and channel, and no control characters in any field.</summary>
internal static partial class WebhookCall
{
    /// <summary>The call's body, or the problem to answer instead (401, 415, 400 naming the field).</summary>
    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> type, WebhookSettings settings, Func<T, ConversationFields> fields, CancellationToken cancellationToken)
        where T : class
    {
        if (!WebhookSecret.Matches(request.Headers[WebhookSecret.Header], settings.Secret))
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: $"Missing or wrong {WebhookSecret.Header} header."));
        }

        if (!request.HasJsonContentType())
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The body must be JSON (Content-Type: application/json)."));
        }

        // Five short fields fit in a few hundred bytes: a larger body is refused before it is read, and one that
        // grows past the bound while it arrives is cut off by the server.
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, TooLarge($"The body is {request.ContentLength} bytes; this webhook takes at most {MaxBodyBytes}."));
        }

        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        T? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(request.Body, type, cancellationToken);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge($"The body is larger than the {MaxBodyBytes} bytes this webhook takes."));
        }
        catch (JsonException ex)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not the JSON this webhook takes.", detail: ex.Message));
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or BadHttpRequestException)
        {
            // The bot's integration hung up or sent its body too slowly: nothing was escalated, nobody needs paging.
            ClientGaveUp(request.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebhookCall)), request.Path, ex.GetType().Name);
            return (null, Results.Problem(statusCode: ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest, title: "The body did not arrive."));
        }

        var errors = Missing(body is null ? default : fields(body));
        return errors is null ? (body, null) : (null, Results.ValidationProblem(errors, title: "The call is missing fields."));
    }

    /// <summary>The largest body taken: 4 KiB, ten times what the longest call needs (five ids and names).</summary>
    public const int MaxBodyBytes = 4 * 1024;

    private static IResult TooLarge(string title) =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: title, detail: "A call carries conversationId, userPlatformId, chatBotId, channel and intent (and escalationId for a report): check what the integration sends.");

    [LoggerMessage(1, LogLevel.Information, "The caller of {Path} gave up before its body arrived ({Reason}); nothing was escalated")]
    private static partial void ClientGaveUp(ILogger logger, string path, string reason);

    /// <summary>The fields the call lacks, each named as in the JSON, or null when it has them all.</summary>
    private static Dictionary<string, string[]>? Missing(ConversationFields call)
    {
        var errors = new Dictionary<string, string[]>();
        void Require(string? value, string field, string what)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors[field] = [$"{field} is required: {what}."];
            }
        }

        Require(call.ConversationId, "conversationId", "the conversation id ({$conversationId} or botContext.getConversationId())");
        Require(call.UserPlatformId, "userPlatformId", "the user platform id (botContext.getUserPlatformId())");
        Require(call.ChatBotId, "chatBotId", "the bot's id ({$chatBotId})");
        Require(call.Channel, "channel", "the channel (botContext.getUserChannel(), e.g. lp_web, or 'web' on the preview)");
        (string? Value, string Field)[] all =
        [
            (call.ConversationId, "conversationId"), (call.UserPlatformId, "userPlatformId"), (call.ChatBotId, "chatBotId"),
            (call.Channel, "channel"), (call.Intent, "intent"), (call.EscalationId, "escalationId"),
        ];
        foreach (var (value, field) in all)
        {
            if (value is null)
            {
                continue;
            }

            if (value.Any(char.IsControl))
            {
                errors[field] = [$"{field} contains a control character: check how the bot fills it."];
            }
            else if (value.Contains("{$", StringComparison.Ordinal))
            {
                // Conversation Builder leaves {$botContext.x} as it is when the variable is not set: never an id.
                errors[field] = [$"{field} is '{value}', a placeholder Conversation Builder did not fill: set that bot variable in the pre-process code before the integration runs."];
            }
        }

        return errors.Count == 0 ? null : errors;
    }
}

/// <summary>The conversation's ids and channel, as every call carries them, and the intent and escalation id when it does.</summary>
internal readonly record struct ConversationFields(string? ConversationId, string? UserPlatformId, string? ChatBotId, string? Channel, string? Intent, string? EscalationId);
