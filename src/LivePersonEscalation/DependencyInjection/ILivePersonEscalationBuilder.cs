namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The registration of one LivePerson account's escalation client, as <c>AddLivePersonEscalation</c> returns it: the
/// client's <see cref="IHttpClientBuilder"/> (to add handlers or configure the primary handler) that also knows which
/// account it configures, so that what is added to it (such as <c>AddRedisDuplicateGuard()</c> or <c>AddSkillAvailability()</c>) applies to that account.
/// </summary>
/// <example>
/// <code>
/// services.AddLivePersonEscalation("brand-a", configuration.GetSection("LivePerson:Accounts:brand-a"))
///     .AddRedisDuplicateGuard()           // this account's guard, on its own Redis settings
///     .AddHttpMessageHandler&lt;MyHandler&gt;(); // IHttpClientBuilder's own methods come last: they return IHttpClientBuilder
/// </code>
/// </example>
public interface ILivePersonEscalationBuilder : IHttpClientBuilder
{
    /// <summary>
    /// The account's name: the service key of its <c>IEscalationClient</c> and the name of its <c>EscalationOptions</c>;
    /// <see cref="Options.Options.DefaultName"/> (empty) for the unnamed registration.
    /// </summary>
    string AccountName { get; }

    /// <summary>
    /// The configuration section the account's <c>EscalationOptions</c> are bound from, where the add-on packages
    /// read their own sections (<c>Availability</c>, <c>DuplicateGuard:Redis</c>); null when the account is
    /// configured in code.
    /// </summary>
    Microsoft.Extensions.Configuration.IConfiguration? Configuration { get; }
}
