namespace LivePersonEscalation.Redis.Internal;

/// <summary>
/// The guard's two scripts on Redis (StackExchange.Redis sends them by hash once the server knows them). Neither
/// knows a state or a rule: those are the library's, in C#. Each touches one conversation's key, in a hash tag, so
/// they also run on a Redis cluster.
/// </summary>
internal static class RedisGuardScripts
{
    /// <summary>
    /// Compare-version-then-set. KEYS[1] the record; ARGV[1] the version the writer read (<c>''</c>: none), ARGV[2]
    /// the record's text (its version, a bar, its content), ARGV[3] its lifetime in ms, ARGV[4] the channel told of
    /// a change. Writes and publishes only over the version expected; returns 1 when written, else the record found
    /// (<c>''</c>: none) in a one-item array.
    /// </summary>
    public const string CompareAndSet =
        """
        local current = redis.call('GET', KEYS[1])
        local version = ''
        if current then version = string.match(current, '^([^|]*)|') or '?' end
        if version ~= ARGV[1] then return { current or '' } end
        redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
        redis.call('PUBLISH', ARGV[4], '')
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
