namespace LivePersonEscalation.Internal;

/// <summary>A <see cref="TransferFailureReport"/> checked like an escalation, before anything is recorded or sent.</summary>
/// <param name="EscalationId">The escalation reported, when named.</param>
/// <param name="FallbackSkillId">The skill to escalate to instead of the configured fallback, when named.</param>
/// <param name="Message">The fallback escalation's wire message.</param>
internal sealed record CheckedTransferFailureReport(string? EscalationId, string? FallbackSkillId, string Message)
{
    private const string ParamName = "report";
    private const string TypeName = nameof(TransferFailureReport);

    /// <exception cref="ArgumentException">A field is invalid; the message names it.</exception>
    public static CheckedTransferFailureReport Check(TransferFailureReport report, SkillDirectory skills)
    {
        EscalationRequestValidator.CheckIds(report.UserPlatformId, report.ChatBotId, report.ConversationId, TypeName, ParamName);
        var escalationId = string.IsNullOrEmpty(report.EscalationId) ? null : report.EscalationId;
        if (escalationId is not null && !EscalationIds.IsWellFormed(escalationId))
        {
            throw new ArgumentException(
                $"{TypeName}.{nameof(TransferFailureReport.EscalationId)} is not an escalation id of this library; pass EscalationResult.EscalationId exactly as it was returned (or leave it unset for the conversation's latest escalation).",
                ParamName);
        }

        var fallback = EscalationRequestValidator.ResolveSkillId(
            report.FallbackSkillId, report.FallbackSkillName, skills, TypeName, nameof(TransferFailureReport.FallbackSkillId), nameof(TransferFailureReport.FallbackSkillName), ParamName, required: false);
        var message = EscalationRequestValidator.NormalizeMessage(report.Message, $"{TypeName}.{nameof(TransferFailureReport.Message)}", ParamName);
        return new CheckedTransferFailureReport(escalationId, fallback, message);
    }
}
