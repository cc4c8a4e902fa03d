using System.Text.Json;

namespace LivePersonEscalation.Testing.Internal;

/// <summary>
/// Checks a post body against the documented contract: a JSON object with exactly the six keys, each a string,
/// ids not blank, skill id numeric. Returns the first problem, worded for a 400 answer.
/// </summary>
internal static class EscalationBodyCheck
{
    private static readonly string[] Keys = ["userPlatformId", "chatBotId", "message", "conversationId", "agentSkillName", "agentSkillId"];
    private static readonly string[] RequiredNonBlank = ["userPlatformId", "chatBotId", "message", "conversationId", "agentSkillId"];

    public static bool TryParse(byte[] body, out Dictionary<string, string> fields, out string problem)
    {
        fields = new Dictionary<string, string>(StringComparer.Ordinal);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            problem = $"the body is not valid JSON: {ex.Message}";
            return false;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = $"the body must be a JSON object, not {document.RootElement.ValueKind}";
                return false;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (Array.IndexOf(Keys, property.Name) < 0)
                {
                    problem = $"unexpected key '{property.Name}'; the documented keys are {string.Join(", ", Keys)}";
                    return false;
                }

                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    problem = $"'{property.Name}' must be a JSON string, not {property.Value.ValueKind}";
                    return false;
                }

                fields[property.Name] = property.Value.GetString()!;
            }
        }

        foreach (var key in Keys)
        {
            if (!fields.ContainsKey(key))
            {
                problem = $"missing key '{key}'";
                return false;
            }
        }

        foreach (var key in RequiredNonBlank)
        {
            if (string.IsNullOrWhiteSpace(fields[key]))
            {
                problem = $"'{key}' must not be blank";
                return false;
            }
        }

        if (!fields["agentSkillId"].All(c => c is >= '0' and <= '9'))
        {
            problem = $"'agentSkillId' must be numeric, got '{fields["agentSkillId"]}' (LivePerson would send the fallback message)";
            return false;
        }

        problem = string.Empty;
        return true;
    }
}
