namespace LivePersonEscalation;

/// <summary>
/// An immutable, validated snapshot of <see cref="EscalationOptions"/>, resolved once so the hot path of an
/// escalation does no option lookups, URI building or key trimming.
/// </summary>
internal sealed class EscalationSettings
{
    private EscalationSettings(EscalationOptions options)
    {
        Endpoint = ResolveEndpoint(options);
        Target = options.Endpoint is null ? $"region {options.Region} ({Endpoint.Host})" : $"endpoint {Endpoint.Host}:{Endpoint.Port}";
        ApiAccessKey = options.ApiAccessKey.Trim();
        Timeout = options.Timeout;
        Skills = new SkillDirectory(options.Skills);
        MaxAttempts = options.Retry.MaxAttempts;
        RetryBudget = options.Retry.TotalBudget;
        RetryBaseDelay = options.Retry.BaseDelay;
        RetryMaxDelay = options.Retry.MaxDelay;
        DuplicateGuardEnabled = options.DuplicateGuard.Enabled && options.DuplicateGuard.Window > TimeSpan.Zero;
        DuplicateWindow = options.DuplicateGuard.Window;
        MaxTrackedConversations = options.DuplicateGuard.MaxConversations;
        TraceConversationId = options.Telemetry.IncludeConversationId;
        LogMessageText = options.Telemetry.LogMessageText;
        RegionTag = options.Endpoint is null ? options.Region.ToString() : "custom";
    }

    /// <summary>The absolute URI every escalation is posted to.</summary>
    public Uri Endpoint { get; }

    /// <summary>Where escalations go, for messages: the region or the endpoint host, never the key.</summary>
    public string Target { get; }

    /// <summary>The trimmed API access key: the raw <c>Authorization</c> header value.</summary>
    public string ApiAccessKey { get; }

    /// <summary>The per-attempt timeout.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Friendly skill names to numeric ids.</summary>
    public SkillDirectory Skills { get; }

    /// <summary>The most attempts in all (1 = no retries).</summary>
    public int MaxAttempts { get; }

    /// <summary>No retry starts whose delay would end beyond this, from the first attempt.</summary>
    public TimeSpan RetryBudget { get; }

    /// <summary>The first backoff delay.</summary>
    public TimeSpan RetryBaseDelay { get; }

    /// <summary>The longest backoff delay.</summary>
    public TimeSpan RetryMaxDelay { get; }

    /// <summary>Whether duplicate escalations of a conversation are joined or answered from the last acceptance.</summary>
    public bool DuplicateGuardEnabled { get; }

    /// <summary>How long an accepted escalation is remembered.</summary>
    public TimeSpan DuplicateWindow { get; }

    /// <summary>The most conversations remembered at once.</summary>
    public int MaxTrackedConversations { get; }

    /// <summary>Whether activities carry the conversation id.</summary>
    public bool TraceConversationId { get; }

    /// <summary>Whether the message text is logged (at Trace).</summary>
    public bool LogMessageText { get; }

    /// <summary>The region for telemetry tags, or <c>custom</c> for an explicit endpoint.</summary>
    public string RegionTag { get; }

    /// <summary>Validates <paramref name="options"/> and takes a snapshot of them.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is invalid.</exception>
    public static EscalationSettings Create(EscalationOptions options)
    {
        EscalationOptionsValidator.ThrowIfInvalid(options);
        return new EscalationSettings(options);
    }

    /// <summary>Takes a snapshot of options already validated by the options pipeline.</summary>
    public static EscalationSettings FromValidated(EscalationOptions options) => new(options);

    private static Uri ResolveEndpoint(EscalationOptions options)
    {
        if (options.Endpoint is null)
        {
            return LivePersonEndpoints.For(options.Region);
        }

        // An endpoint given as a bare host means the documented path on that host.
        return options.Endpoint.AbsolutePath == "/"
            ? new Uri(options.Endpoint, LivePersonEndpoints.EscalationPath)
            : options.Endpoint;
    }
}
