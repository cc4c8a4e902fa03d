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
    /// ARGV[4] the refusal ('' for none), ARGV[5] its expiry in ms. Settles only if the owner still holds the claim;
    /// returns 1 if it did.
    /// </summary>
    public const string Settle =
        """
        local current = redis.call('GET', KEYS[1])
        if not current or string.sub(current, 1, string.len(ARGV[1])) ~= ARGV[1] then return 0 end
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
}
