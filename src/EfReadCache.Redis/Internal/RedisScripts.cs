namespace EfReadCache.Redis.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>
///     <para>
///         The Lua scripts that make each step of the correctness model one atomic operation in Redis. Tokens are random
///         64-bit values chosen by the client (decimal strings in Redis), never counters, so a flushed or restarted
///         Redis cannot hand an old token out again. Pending marks are sorted sets of write id by lease expiry in the
///         server's own clock (TIME), so a crashed writer's mark lapses without any client's clock.
///     </para>
///     <para>Every script returns a flat array of strings (false for nil), the one reply shape both clients decode.</para>
/// </remarks>
public static class RedisScripts
{
    private const string Prologue = """
        if redis.replicate_commands then pcall(redis.replicate_commands) end
        local n = tonumber(ARGV[1])
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
        local function pending()
          for i = 1, n do
            if redis.call('ZCOUNT', KEYS[n + i], '(' .. now, '+inf') > 0 then return true end
          end
          return false
        end

        """;

    /// <summary>
    ///     KEYS: n token keys, n pending keys, the table registry, the entry. ARGV: n, then n fresh tokens for tables
    ///     that have none, then (optionally) the n tokens of an L1 candidate. Returns the n current tokens, '1' if any
    ///     table is pending, and the entry's bytes unless the tables are pending or the candidate is still current.
    /// </summary>
    public static readonly RedisScript Lookup = new(Prologue + """
        local out = {}
        local same = #ARGV >= 1 + 2 * n
        for i = 1, n do
          local token = redis.call('GET', KEYS[i])
          if not token then
            token = ARGV[1 + i]
            redis.call('SET', KEYS[i], token)
            redis.call('SADD', KEYS[2 * n + 1], KEYS[i])
          end
          out[i] = token
          if same and ARGV[1 + n + i] ~= token then same = false end
        end
        if pending() then
          out[n + 1] = '1'
          return out
        end
        out[n + 1] = '0'
        if not same then out[n + 2] = redis.call('GET', KEYS[2 * n + 2]) end
        return out
        """);

    /// <summary>
    ///     KEYS: n token keys, n pending keys, the entry. ARGV: n, time to live in ms, the entry's bytes (empty: check
    ///     only), then the n expected tokens. Stores only if every token is unchanged and no table is pending.
    /// </summary>
    public static readonly RedisScript Store = new(Prologue + """
        for i = 1, n do
          if redis.call('GET', KEYS[i]) ~= ARGV[3 + i] then return { '0' } end
        end
        if pending() then return { '0' } end
        if ARGV[3] ~= '' then redis.call('SET', KEYS[2 * n + 1], ARGV[3], 'PX', ARGV[2]) end
        return { '1' }
        """);

    /// <summary>
    ///     KEYS: n token keys, n pending keys, the table registry. ARGV: n, mode ('begin', 'end' or 'invalidate'), the
    ///     write id, the lease in ms, the channel, the message, then n new tokens. Replaces every token; 'begin' adds the
    ///     write's lease to each pending set (dropping lapsed ones), 'end' removes it. Then publishes the message. Pending
    ///     sets and tokens carry no TTL, so a volatile-* eviction policy never evicts them (only entries have a TTL);
    ///     a set disappears when its last mark is removed, and a crashed writer's lapsed mark is dropped by the next write.
    /// </summary>
    public static readonly RedisScript Write = new(Prologue + """
        local mode = ARGV[2]
        for i = 1, n do
          redis.call('SET', KEYS[i], ARGV[6 + i])
          redis.call('SADD', KEYS[2 * n + 1], KEYS[i])
          local p = KEYS[n + i]
          if mode == 'begin' then
            redis.call('ZREMRANGEBYSCORE', p, '-inf', now)
            redis.call('ZADD', p, now + tonumber(ARGV[4]), ARGV[3])
          elseif mode == 'end' then
            redis.call('ZREM', p, ARGV[3])
          end
        end
        redis.call('PUBLISH', ARGV[5], ARGV[6])
        return { '1' }
        """);

    /// <summary>
    ///     KEYS: the server-identity key. ARGV: the server's run_id. Records the run_id and returns 'same', 'new' (no
    ///     identity was recorded: an empty or flushed Redis) or 'changed' (the data was restored from another run, such
    ///     as an RDB or AOF file, so its tokens may predate writes that the lost run had seen).
    /// </summary>
    public static readonly RedisScript Identity = new("""
        local old = redis.call('GET', KEYS[1])
        if old == ARGV[1] then return { 'same' } end
        redis.call('SET', KEYS[1], ARGV[1])
        if old then return { 'changed' } end
        return { 'new' }
        """);

    /// <summary>KEYS: the table registry. Returns every token key that was ever given a token under this prefix.</summary>
    public static readonly RedisScript Tables = new("""
        return redis.call('SMEMBERS', KEYS[1])
        """);
}
