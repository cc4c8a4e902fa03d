namespace LivePersonEscalation.Internal;

/// <summary>
/// Checks an <see cref="EscalationRequest"/> against the rules LivePerson applies (and the ones it applies silently),
/// and builds the wire body. Every failure is an <see cref="ArgumentException"/> whose message names the field,
/// says what was wrong and how to fix it, before anything goes on the wire.
/// </summary>
internal static class EscalationRequestValidator
{
    private const string ParamName = "request";

    public static EscalationRequestBody CreateBody(EscalationRequest request, SkillDirectory skills)
    {
        CheckIds(request.UserPlatformId, request.ChatBotId, request.ConversationId, nameof(EscalationRequest), ParamName);

        var skillName = request.AgentSkillName ?? string.Empty;
        if (TextRules.CountCharacters(skillName) > EscalationRequest.MaxSkillNameLength || TextRules.HasControlCharacter(skillName) || TextRules.HasLoneSurrogate(skillName))
        {
            throw Invalid(nameof(EscalationRequest.AgentSkillName), $"must be at most {EscalationRequest.MaxSkillNameLength} characters without control characters or characters cut in half (a lone surrogate).");
        }

        return new EscalationRequestBody
        {
            UserPlatformId = request.UserPlatformId,
            ChatBotId = request.ChatBotId,
            Message = NormalizeMessage(request.Message),
            ConversationId = request.ConversationId,
            AgentSkillName = skillName,
            AgentSkillId = ResolveSkillId(request.AgentSkillId, request.AgentSkillName, skills, nameof(EscalationRequest), nameof(EscalationRequest.AgentSkillId), nameof(EscalationRequest.AgentSkillName), ParamName)!,
        };
    }

    /// <summary>Checks the three ids every escalation carries; <paramref name="typeName"/> names them in errors.</summary>
    public static void CheckIds(string? userPlatformId, string? chatBotId, string? conversationId, string typeName, string paramName)
    {
        RequireId(userPlatformId, typeName, nameof(EscalationRequest.UserPlatformId), "the user's Conversation Builder platform id ({$chatBotUserPlatformId})", paramName);
        RequireId(chatBotId, typeName, nameof(EscalationRequest.ChatBotId), "the bot's id ({$chatBotId})", paramName);
        RequireId(conversationId, typeName, nameof(EscalationRequest.ConversationId), "the LivePerson conversation id ({$conversationId})", paramName);
    }

    // The field's name is put together only for an error: a valid id costs nothing.
    private static void RequireId(string? value, string typeName, string field, string description, string paramName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{typeName}.{field} is required: set it to {description}.", paramName);
        }

        var length = TextRules.CountCharacters(value!);
        if (length > EscalationRequest.MaxIdLength)
        {
            throw new ArgumentException($"{typeName}.{field} is {length} characters long; at most {EscalationRequest.MaxIdLength} are accepted. Check that it holds {description}.", paramName);
        }

        if (TextRules.HasSurroundingWhiteSpace(value!) || TextRules.HasControlCharacter(value!) || TextRules.HasLoneSurrogate(value!))
        {
            throw new ArgumentException($"{typeName}.{field} must not start or end with white space or contain control characters or characters cut in half (a lone surrogate); check how {description} is read.", paramName);
        }
    }

    /// <summary>
    /// The wire value of a transfer message: <see cref="EscalationRequest.BlankMessage"/> when blank, else the text,
    /// checked for length and control characters. <paramref name="field"/> names it in errors.
    /// </summary>
    public static string NormalizeMessage(string? message, string field = "EscalationRequest.Message", string paramName = ParamName)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return EscalationRequest.BlankMessage;
        }

        var text = message!;
        var length = TextRules.CountCharacters(text);
        if (length > EscalationRequest.MaxMessageLength)
        {
            throw new ArgumentException($"{field} is {length} characters long; at most {EscalationRequest.MaxMessageLength} are accepted. Shorten the transfer message.", paramName);
        }

        if (TextRules.HasControlCharacter(text, allowed: "\n\r\t"))
        {
            throw new ArgumentException($"{field} contains a control character; only line breaks (\\n) and tabs are allowed.", paramName);
        }

        if (TextRules.HasLoneSurrogate(text))
        {
            // The JSON writer would silently replace it, so the user would read something else than was written.
            throw new ArgumentException($"{field} contains half of a surrogate pair (a character cut in two, often an emoji cut off by truncation); it cannot be sent as written. Cut the text at a character boundary.", paramName);
        }

        return text;
    }

    /// <summary>
    /// The numeric skill id from an id or a configured name, checked; null when both are unset and
    /// <paramref name="required"/> is false. Errors name the fields as <paramref name="typeName"/>'s.
    /// </summary>
    public static string? ResolveSkillId(string? skillId, string? skillName, SkillDirectory skills, string typeName, string idField, string nameField, string paramName, bool required = true)
    {
        if (skillId is null || skillId.Length == 0)
        {
            if (string.IsNullOrWhiteSpace(skillName))
            {
                return required
                    ? throw new ArgumentException($"{typeName}.{idField} is required: set it to the numeric LivePerson skill id, or set {nameField} to a skill listed in EscalationOptions.Skills.", paramName)
                    : null;
            }

            if (!skills.TryGetId(skillName!, out var mapped))
            {
                // Skill names usually come from runtime data (an intent): an error of the library's own type, which
                // the documented catch handles, that says nothing was sent.
                var known = skills.Names.Length == 0 ? "none are configured" : $"known skills: {skills.Names}";
                throw new EscalationException(
                    EscalationFailureKind.UnknownSkill,
                    $"{typeName}.{nameField} '{skillName}' is not a skill in {skills.Setting} ({known}), so nothing was sent. {skills.HowToAdd(skillName!)}, or set {idField}.");
            }

            return mapped;
        }

        if (!TextRules.IsNumericSkillId(skillId))
        {
            throw new ArgumentException($"{typeName}.{idField} is '{TextRules.Cut(skillId, 40)}', but must be the numeric LivePerson skill id: 1 to {TextRules.MaxSkillIdLength} ASCII digits (0-9), no signs, spaces or exponents. LivePerson silently sends the fallback message on a non-numeric id, so nothing was sent.", paramName);
        }

        if (!string.IsNullOrWhiteSpace(skillName) && skills.TryGetId(skillName!, out var named) && named != skillId)
        {
            throw new ArgumentException($"{typeName}.{idField} is {skillId}, but {nameField} '{skillName}' is skill {named} in EscalationOptions.Skills: the escalation would go to a skill its name does not describe. Set only one of them, or make them agree.", paramName);
        }

        return skillId;
    }

    private static ArgumentException Invalid(string field, string problem, string paramName = ParamName) =>
        new($"EscalationRequest.{field} {problem}", paramName);
}
