namespace LivePersonEscalation.Testing;

/// <summary>What a test sets (shift status, agents, faults, delays, revoked tokens) and reads (calls made).</summary>
public sealed partial class AccountApiEmulator
{
    /// <summary>Sets a skill's shift; skills not set answer with the account's shift (<see cref="SetAccountShift"/>, on shift 24/7 by default).</summary>
    /// <param name="skillId">The numeric skill id.</param>
    /// <param name="onShift">Whether it is on shift now.</param>
    /// <param name="nextOn">When its next shift starts (null for 24/7).</param>
    /// <param name="nextOff">When its shift ends next (null for 24/7).</param>
    public void SetShift(string skillId, bool onShift, DateTimeOffset? nextOn = null, DateTimeOffset? nextOff = null)
    {
        lock (_gate)
        {
            _shifts[skillId] = (onShift, nextOn, nextOff);
        }
    }

    /// <summary>Sets the account-level shift, which every skill without its own follows.</summary>
    /// <param name="onShift">Whether the account is on shift now.</param>
    /// <param name="nextOn">When its next shift starts.</param>
    /// <param name="nextOff">When its shift ends next.</param>
    public void SetAccountShift(bool onShift, DateTimeOffset? nextOn = null, DateTimeOffset? nextOff = null)
    {
        lock (_gate)
        {
            _accountShift = (onShift, nextOn, nextOff);
        }
    }

    /// <summary>Sets the agents of a skill; a skill with none at all is not listed, as LivePerson answers.</summary>
    /// <param name="skillId">The numeric skill id.</param>
    /// <param name="online">Agents online.</param>
    /// <param name="backSoon">Agents back soon.</param>
    /// <param name="away">Agents away.</param>
    public void SetAgents(string skillId, int online, int backSoon = 0, int away = 0)
    {
        lock (_gate)
        {
            _agents[skillId] = (online, backSoon, away);
        }
    }

    /// <summary>Makes <paramref name="api"/> answer <paramref name="statusCode"/> (e.g. 500) for its next <paramref name="times"/> calls, or until <see cref="Heal"/>.</summary>
    /// <param name="api">The API.</param>
    /// <param name="statusCode">The status to answer.</param>
    /// <param name="times">How many calls; all of them by default.</param>
    /// <param name="retryAfter">A <c>Retry-After</c> header (in seconds) on the answer, e.g. with 429.</param>
    public void Fail(AccountApi api, int statusCode, int times = int.MaxValue, TimeSpan? retryAfter = null)
    {
        lock (_gate)
        {
            _faults[api] = (statusCode, times, retryAfter);
        }
    }

    /// <summary>Makes <paramref name="api"/> wait <paramref name="delay"/> (on <see cref="AccountApiEmulatorOptions.TimeProvider"/>) before it answers, until <see cref="Heal"/>.</summary>
    /// <param name="api">The API.</param>
    /// <param name="delay">How long each answer takes.</param>
    public void Delay(AccountApi api, TimeSpan delay)
    {
        lock (_gate)
        {
            _delays[api] = delay;
        }
    }

    /// <summary>Ends the faults and delays of every API.</summary>
    public void Heal()
    {
        lock (_gate)
        {
            _faults.Clear();
            _delays.Clear();
        }
    }

    /// <summary>Revokes every token issued so far: the next call with one answers 401, as an expired or revoked token does.</summary>
    public void RevokeTokens()
    {
        lock (_gate)
        {
            _tokens.Clear();
        }
    }

    /// <summary>How many calls <paramref name="api"/> got so far, answered or failed.</summary>
    /// <param name="api">The API.</param>
    /// <returns>The number of calls.</returns>
    public int CallsTo(AccountApi api)
    {
        lock (_gate)
        {
            return _calls.GetValueOrDefault(api);
        }
    }

    /// <summary>How many times the Domain API was asked for <paramref name="serviceName"/>.</summary>
    /// <param name="serviceName">A service name, e.g. <c>sentinel</c>.</param>
    /// <returns>The number of lookups.</returns>
    public int DomainLookupsOf(string serviceName)
    {
        lock (_gate)
        {
            return _domainLookups.GetValueOrDefault(serviceName);
        }
    }

    /// <summary>Forgets the counted calls (state and faults stay).</summary>
    public void ResetCalls()
    {
        lock (_gate)
        {
            _calls.Clear();
            _domainLookups.Clear();
        }
    }
}
