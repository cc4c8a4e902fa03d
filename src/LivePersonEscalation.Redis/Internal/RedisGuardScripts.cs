namespace LivePersonEscalation.Redis.Internal;

/// <summary>
/// The atomic steps of the guard on Redis, as Lua scripts (StackExchange.Redis sends them by hash once the server
/// knows them). Each touches one conversation's keys, which share a hash tag, so they also run on a Redis cluster.
/// </summary>
internal static class RedisGuardScripts
{
    /// <summary>
    /// KEYS[1] the conversation, KEYS[2] its transfer record; ARGV[1] the claim, ARGV[2] its expiry in ms. Returns the
    /// record when it gave up; else nil when this call claimed an absent entry (SET NX PX); the claim itself when it
    /// replaced a failed transfer (<c>F</c>); else the entry already there.
    /// </summary>
    public const string Claim =
        """
        local record = redis.call('GET', KEYS[2])
        if record and string.sub(record, 1, 1) == 'G' then return record end
        local existing = redis.call('GET', KEYS[1])
        if existing and string.sub(existing, 1, 1) ~= 'F' then return existing end
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        if existing then return ARGV[1] end
        return false
        """;

    /// <summary>
    /// KEYS[1] the conversation, KEYS[2] where a refusal is left for the callers that waited on this owner, KEYS[3] its
    /// transfer record; ARGV[1] the claim's prefix (state, owner), ARGV[2] the outcome to keep ('' to delete), ARGV[3]
    /// the window in ms, ARGV[4] the refusal ('' for none), ARGV[5] its expiry in ms, ARGV[6] the escalation id of an
    /// acceptance ('' otherwise). Settles the owner's claim; with no entry at all (the claim expired, or never landed),
    /// adds the outcome to keep; leaves another owner's entry alone. An acceptance that is kept becomes the transfer
    /// record's latest escalation, when the conversation has one. Returns 1 when it settled a claim, 2 when it added the
    /// outcome, 0 otherwise. An acceptance whose transfer was reported failed before its settle landed is kept as a
    /// failed transfer (<c>F</c>). Idempotent for one owner.
    /// </summary>
    public const string Settle =
        """
        local function keep()
          local outcome = ARGV[2]
          if ARGV[6] ~= '' then
            local record = redis.call('GET', KEYS[3])
            if record then
              local data = cjson.decode(string.sub(record, 3))
              if string.find(data.reported, ' ' .. ARGV[6] .. ' ', 1, true) then
                -- Its transfer was reported failed before this settle landed: keep it as a failed transfer.
                outcome = 'F' .. string.sub(outcome, 2)
              else
                data.latest = ARGV[6]
                redis.call('SET', KEYS[3], string.sub(record, 1, 2) .. cjson.encode(data), 'KEEPTTL')
              end
            end
          end
          redis.call('SET', KEYS[1], outcome, 'PX', ARGV[3])
        end
        local current = redis.call('GET', KEYS[1])
        if not current then
          if ARGV[2] ~= '' then
            keep()
            return 2
          end
          return 0
        end
        if string.sub(current, 1, string.len(ARGV[1])) ~= ARGV[1] then return 0 end
        if ARGV[2] ~= '' then
          keep()
        else
          redis.call('DEL', KEYS[1])
        end
        if ARGV[4] ~= '' then
          redis.call('SET', KEYS[2], ARGV[4], 'PX', ARGV[5])
        end
        return 1
        """;

    /// <summary>
    /// KEYS[1] the conversation, KEYS[2] its transfer record; ARGV[1] the escalation reported ('' for the entry's,
    /// accepted, unknown or failed, else the record's latest), ARGV[2] the skill that failed when no escalation is known (''), ARGV[3] the
    /// failures to give up at, ARGV[4] the record's window in ms, ARGV[5] the skills with a fallback as <c>,id,id,</c>
    /// (<c>*</c> for any). The rules of the in-process store's <c>TransferFailureStep</c>: unless the record gave up or
    /// counted that escalation already, one more failure of its skill (the id's digits before the dot); give up at the
    /// limit or without a fallback; the accepted (or unknown) entry of that escalation becomes a failed transfer (letter <c>F</c>,
    /// same expiry). Returns { 1, record } when it counted, { 0, record } when not, { 0, '' } when no skill is known.
    /// </summary>
    public const string ReportTransferFailure =
        """
        local raw = redis.call('GET', KEYS[2])
        if raw and string.sub(raw, 1, 1) == 'G' then return { 0, raw } end
        local record = { failures = 0, reported = ' ' }
        if raw then record = cjson.decode(string.sub(raw, 3)) end
        local entry = redis.call('GET', KEYS[1])
        local letter = ''
        local meant = ''
        if entry then letter = string.sub(entry, 1, 1) end
        if letter == 'A' or letter == 'U' or letter == 'F' then
          meant = string.sub(entry, 2, string.find(entry, '|', 1, true) - 1)
        end
        local id = ARGV[1]
        if id == '' then
          if meant ~= '' then id = meant
          elseif type(record.latest) == 'string' then id = record.latest
          else id = string.match(record.reported, '(%S+)%s*$') or '' end
        end
        if id ~= '' and string.find(record.reported, ' ' .. id .. ' ', 1, true) then return { 0, raw } end
        local skill = ARGV[2]
        if id ~= '' then
          local dot = string.find(id, '.', 1, true)
          if dot and dot > 1 then skill = string.sub(id, 1, dot - 1) end
        end
        if skill == '' then return { 0, '' } end
        record.failures = record.failures + 1
        if id ~= '' then record.reported = record.reported .. id .. ' ' end
        record.skill = skill
        local state = 'C'
        if record.failures >= tonumber(ARGV[3]) then
          record.giveUp = 'MaxTransferFailures'
          state = 'G'
        elseif ARGV[5] ~= '*' and not string.find(ARGV[5], ',' .. skill .. ',', 1, true) then
          record.giveUp = 'NoFallbackSkill'
          state = 'G'
        end
        local value = state .. '|' .. cjson.encode(record)
        redis.call('SET', KEYS[2], value, 'PX', ARGV[4])
        if id ~= '' and id == meant and letter ~= 'F' then
          redis.call('SET', KEYS[1], 'F' .. string.sub(entry, 2), 'KEEPTTL')
        end
        return { 1, value }
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
