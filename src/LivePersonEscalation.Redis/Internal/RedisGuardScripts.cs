namespace LivePersonEscalation.Redis.Internal;

/// <summary>
/// The atomic steps of the guard on Redis, as Lua scripts (StackExchange.Redis sends them by hash once the server
/// knows them). Each touches one conversation's keys, which share a hash tag, so they also run on a Redis cluster.
/// </summary>
internal static class RedisGuardScripts
{
    /// <summary>
    /// KEYS[1] the conversation; ARGV[1] the claim, ARGV[2] its expiry in ms. Returns nil when this call claimed it
    /// (SET NX PX), else the entry already there.
    /// </summary>
    public const string Claim =
        """
        local existing = redis.call('GET', KEYS[1])
        if existing then return existing end
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        return false
        """;

    /// <summary>
    /// KEYS[1] the conversation, KEYS[2] where a refusal is left for the callers that waited on this owner;
    /// ARGV[1] the claim's prefix (state, owner), ARGV[2] the outcome to keep ('' to delete), ARGV[3] the window in ms,
    /// ARGV[4] the refusal ('' for none), ARGV[5] its expiry in ms. Settles the owner's claim; with no entry at all
    /// (the claim expired, or never landed), adds the outcome to keep; leaves another owner's entry alone. Returns 1
    /// when it settled a claim, 2 when it added the outcome, 0 otherwise. Idempotent for one owner.
    /// </summary>
    public const string Settle =
        """
        local current = redis.call('GET', KEYS[1])
        if not current then
          if ARGV[2] ~= '' then
            redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            return 2
          end
          return 0
        end
        if string.sub(current, 1, string.len(ARGV[1])) ~= ARGV[1] then return 0 end
        if ARGV[2] ~= '' then
          redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
        else
          redis.call('DEL', KEYS[1])
        end
        if ARGV[4] ~= '' then
          redis.call('SET', KEYS[2], ARGV[4], 'PX', ARGV[5])
        end
        return 1
        """;

    /// <summary>
    /// What Redis shows of data it may lose: its run id (a new one after a restart) and its <c>maxmemory-policy</c>,
    /// from <c>INFO</c> (which a script may call where <c>CONFIG GET</c> needs admin rights).
    /// </summary>
    public const string DataSafety =
        """
        local server = redis.call('INFO', 'server')
        local memory = redis.call('INFO', 'memory')
        return { string.match(server, 'run_id:(%w+)') or '', string.match(memory, 'maxmemory_policy:([%w%-]+)') or '' }
        """;
}
