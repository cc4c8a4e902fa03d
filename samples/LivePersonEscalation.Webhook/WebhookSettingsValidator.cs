using Microsoft.Extensions.Options;

namespace LivePersonEscalation.WebhookSample;

/// <summary>Checks every webhook setting at start-up, each failure naming its configuration key: none fails a call later.</summary>
internal sealed class WebhookSettingsValidator : IValidateOptions<WebhookSettings>
{
    public ValidateOptionsResult Validate(string? name, WebhookSettings options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Secret))
        {
            failures.Add("Webhook:Secret is required: set it to the secret the Conversation Builder integration sends in X-Webhook-Secret, e.g. with the environment variable Webhook__Secret.");
        }

        if (string.IsNullOrWhiteSpace(options.DefaultSkill))
        {
            failures.Add("Webhook:DefaultSkill is required: the skill (a name in LivePerson:Escalation:Skills) for intents without a rule.");
        }

        foreach (var (key, template) in new[] { ("Webhook:WaitMessage", options.WaitMessage), ("Webhook:LongWaitMessage", options.LongWaitMessage) })
        {
            if (string.IsNullOrWhiteSpace(template) || !template.Contains("{minutes}", StringComparison.Ordinal))
            {
                failures.Add($"{key} must say the wait: put {{minutes}} where the wait in minutes goes.");
            }
        }

        failures.AddRange(options.BusinessHours.Problems("Webhook:BusinessHours"));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
