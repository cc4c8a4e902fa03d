using System.Security.Cryptography;
using System.Text;

namespace LivePersonEscalation.Internal;

/// <summary>
/// An immutable, validated snapshot of <see cref="EscalationOptions"/>, taken once, with the options' own names:
/// later changes to the options object have no effect on a client.
/// </summary>
internal sealed class EscalationSettings
{
    private EscalationSettings(EscalationOptions options, string? account, AccountSection? source)
    {
        Endpoint = ResolveEndpoint(options);
        ApiAccessKey = options.ApiAccessKey.Trim();
        KeyRedaction = new KeyRedaction(ApiAccessKey);
        Timeout = options.Timeout;
        Source = source ?? AccountSection.Code(account ?? Microsoft.Extensions.Options.Options.DefaultName);
        Skills = new SkillDirectory(options.Skills, Source);
        Fallback = new FallbackSettings(options.Fallback, options.Skills);
        Retry = new RetrySettings(options.Retry.MaxAttempts, options.Retry.TotalBudget, options.Retry.BaseDelay, options.Retry.MaxDelay);
        var regionTag = options.Endpoint is null ? options.Region.ToString() : "custom";
        var target = options.Endpoint is null ? $"region {options.Region} ({Endpoint.Host})" : $"endpoint {Endpoint.Host}:{Endpoint.Port}";
        Telemetry = new TelemetrySettings(regionTag, target, Endpoint, options.Telemetry.IncludeConversationId, options.Telemetry.LogMessageText, account);

        var guard = options.DuplicateGuard;
        DuplicateGuard = guard.Enabled && guard.Window > TimeSpan.Zero
            ? new GuardSettings(
                guard.Window,
                guard.MaxConversations,
                guard.MaxMemoryBytes,
                guard.AllowRepeatsWhenOutcomeUnknown ? OutcomeUnknownHandling.AllowRepeats : OutcomeUnknownHandling.RefuseRepeats,
                guard.RefuseWhenStoreUnavailable ? StoreUnavailableHandling.Refuse : StoreUnavailableHandling.SendUnguarded,
                // The longest one escalation can run: retries start within the budget, the last attempt runs its timeout.
                ClaimExpiry: Retry.TotalBudget + Timeout + TimeSpan.FromSeconds(5),
                KeyPrefix: KeyPrefixOf(Endpoint, ApiAccessKey),
                StoreTimeout: guard.StoreTimeout)
            : null;
    }

    /// <summary>The absolute URI every escalation is posted to.</summary>
    public Uri Endpoint { get; }

    /// <summary>
    /// Every setting in one string (the key as a hash, never in the clear), so that a reload can tell a change from
    /// a second notification of the same save.
    /// </summary>
    public string Fingerprint => string.Join(
        "|",
        KeyPrefixOf(Endpoint, ApiAccessKey),
        Timeout,
        Skills.Describe(),
        Retry,
        Fallback.Describe(),
        DuplicateGuard?.ToString() ?? "no guard",
        Telemetry with { Account = null });

    /// <summary>The trimmed API access key: the raw <c>Authorization</c> header value.</summary>
    public string ApiAccessKey { get; }

    /// <summary>Takes the key out of response bodies before they are kept or returned.</summary>
    public KeyRedaction KeyRedaction { get; }

    /// <summary>The per-attempt timeout.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Friendly skill names to numeric ids.</summary>
    public SkillDirectory Skills { get; }

    public RetrySettings Retry { get; }

    /// <summary>The skills tried after a failed transfer, and when to give up.</summary>
    public FallbackSettings Fallback { get; }


    /// <summary>Null when the guard is off.</summary>
    public GuardSettings? DuplicateGuard { get; }

    public TelemetrySettings Telemetry { get; }

    /// <summary>Where escalations go, for messages: the region or the endpoint host, never the key.</summary>
    public string Target => Telemetry.Target;

    /// <summary>Validates <paramref name="options"/> and takes a snapshot of them.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is invalid.</exception>
    public static EscalationSettings Create(EscalationOptions options)
    {
        EscalationOptionsValidator.ThrowIfInvalid(options);
        return new EscalationSettings(options, account: null, source: null);
    }

    /// <summary>Takes a snapshot of options already validated by the options pipeline, of <paramref name="account"/> (null: the default registration).</summary>
    public static EscalationSettings FromValidated(EscalationOptions options, string? account = null, AccountSection? source = null) => new(options, account, source);

    /// <summary>Where the settings come from, to name them in errors as the caller made them.</summary>
    public AccountSection Source { get; }

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

    /// <summary>
    /// Namespaces guard keys by endpoint and account, so registrations (and instances sharing a store) that serve
    /// different accounts never see each other's conversations. A hash, never the key itself.
    /// </summary>
    private static string KeyPrefixOf(Uri endpoint, string apiAccessKey)
    {
        var bytes = Encoding.UTF8.GetBytes(endpoint.AbsoluteUri + "\n" + apiAccessKey);
#if NET
        var hash = SHA256.HashData(bytes);
#else
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(bytes);
#endif
        var hex = new StringBuilder(16);
        for (var i = 0; i < 8; i++)
        {
            hex.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return "lpe:" + hex + ":";
    }
}
