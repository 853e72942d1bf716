using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using EfReadCache.Internal.Replay;
using EfReadCache.Storage;
using EfReadCache.Storage.Internal;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace EfReadCache.Redis.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>
///     <para>
///         The Redis store. Tokens, pending marks and entries live in Redis; every step of the correctness model is one
///         Lua script (<see cref="RedisScripts" />). An L1 in front keeps decoded entries; an L1 entry is served only
///         if the tokens it carries are current (asked of Redis on every hit, or known from pub/sub, see
///         <see cref="RedisL1Validation" />).
///     </para>
///     <para>
///         Commands go over blocking RESP connections: synchronous calls (<see cref="IReadCacheSyncStore" />) on the
///         calling thread, asynchronous calls on the store's dedicated I/O threads (<see cref="RedisIoThreads" />). Neither
///         needs a thread-pool thread to complete, so a pool starved by synchronous EF calls cannot turn Redis replies into
///         timeouts (StackExchange.Redis 1.x completes on the pool). StackExchange.Redis carries the invalidation channel
///         (pub/sub) and reports connection failures and restorations.
///     </para>
///     <para>
///         Faults fail open. When a call fails or the connection drops, the store turns <em>degraded</em>: the L1 and
///         the known tokens are dropped, lookups and stores fail fast (the engine then asks the database and counts a
///         <c>StoreUnavailable</c> bypass), and the tables that local writes touched are remembered. A background loop
///         waits for Redis, replaces those tables' tokens, and only then serves from the cache again.
///     </para>
/// </remarks>
public sealed partial class RedisReadCacheStore : IReadCacheStore, IReadCacheSyncStore
{
    private const string MessageVersion = "1";

    private readonly StoreContext _context;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly RedisConnectionLease _connection;
    private readonly ConnectionMultiplexer _multiplexer;
    private readonly IDatabase _database;
    private readonly RespConnectionPool _syncPool;
    private readonly RedisIoThreads _io;
    private readonly RedisKeys _keys;
    private readonly L1Cache? _l1;
    private readonly LocalTokenView _view = new();
    private readonly bool _trustPubSub;
    private readonly TimeSpan _timeout;
    private readonly long _maxEntryBytes;
    private readonly string _sourceId = Guid.NewGuid().ToString("N")[..12];
    private readonly RedisChannel _channel;
    private readonly Action<RedisChannel, RedisValue> _onMessage;
    private readonly ConcurrentDictionary<(string DatabaseId, string Table), byte> _dirty = new();
    private readonly ConcurrentDictionary<long, TableSet> _unreleased = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _probes = new();
    private readonly object _health = new();
    private readonly CancellationTokenSource _disposing = new();
    private volatile bool _degraded = true;
    private volatile bool _subscribed;
    private volatile bool _allDirty;
    private TaskCompletionSource _available = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _recovering;
    private int _failures;
    private long _bypassedWrites;

    /// <summary>Creates the store and starts connecting.</summary>
    /// <param name="context">The cache's options, logger and eviction callback.</param>
    /// <param name="options">The Redis options.</param>
    /// <param name="connection">The multiplexer to use (owned by the lease).</param>
    public RedisReadCacheStore(StoreContext context, RedisReadCacheOptions options, RedisConnectionLease connection)
    {
        _context = context;
        _logger = context.Logger;
        _time = context.TimeProvider;
        _connection = connection;
        _multiplexer = connection.Multiplexer;
        _database = _multiplexer.GetDatabase();
        _timeout = options.OperationTimeout;
        _maxEntryBytes = context.Options.MaxBytes;
        _trustPubSub = options.L1Validation == RedisL1Validation.PubSub;
        _keys = new RedisKeys(options.KeyPrefix ?? context.Options.KeyPrefix);
        _channel = new RedisChannel(_keys.Channel, RedisChannel.PatternMode.Literal);
        _syncPool = new RespConnectionPool(connection.SyncSettings(options), options.SyncConnectionPoolSize);
        _io = new RedisIoThreads(_syncPool, options.IoThreads, options.OperationTimeout);
        if (options.UseL1)
        {
            _l1 = new L1Cache(options.L1MaxEntries ?? context.Options.MaxEntries, options.L1MaxBytes ?? context.Options.MaxBytes, context.OnEvicted);
        }

        _onMessage = OnMessage;
        _multiplexer.ConnectionFailed += OnConnectionFailed;
        _multiplexer.ConnectionRestored += OnConnectionRestored;
        _ = SubscribeAsync();
        if (_multiplexer.IsConnected)
        {
            try
            {
                // Nothing to catch up at startup: one blocking PING (no thread-pool dependency) and the store is live,
                // unless a connection failure was reported meanwhile.
                var failures = Volatile.Read(ref _failures);
                var restored = CheckServerIdentity(_syncPool.Execute);
                lock (_health)
                {
                    if (failures == _failures && !restored)
                    {
                        _degraded = false;
                        _available.TrySetResult();
                    }
                }
            }
            catch (Exception exception) when (IsFault(exception))
            {
                _logger.LogDebug(exception, "EfReadCache's first PING to Redis failed.");
            }
        }

        if (_degraded)
        {
            if (!_allDirty)
            {
                _logger.LogWarning("EfReadCache could not reach Redis at startup; queries go to the database until it answers.");
            }

            EnsureRecovery();
        }
    }

    /// <summary>Whether the store serves from Redis now (false while Redis is unreachable or being caught up).</summary>
    public bool IsAvailable => !_degraded;

    /// <summary>Completes when the store serves from Redis (at once if it does now); for tests and health checks.</summary>
    public Task WhenAvailable => _available.Task;

    /// <summary>Raised after an invalidation message from any instance (this one included) was applied; for tests.</summary>
    public event Action<string>? MessageApplied;

    /// <summary>Writes that ran while Redis was unreachable (their invalidations are replayed on reconnect).</summary>
    public long WritesWhileUnavailable => Interlocked.Read(ref _bypassedWrites);

    /// <inheritdoc />
    public async ValueTask<StoreLookup> LookupAsync(CacheKey key, TableSet tables, CancellationToken cancellationToken = default)
    {
        var plan = PrepareLookup(key, tables);
        if (plan.Result is { } done)
        {
            return done;
        }

        var reply = await RunAsync(RedisScripts.Lookup, plan.Keys!, plan.Arguments!).ConfigureAwait(false);
        return CompleteLookup(plan, reply);
    }

    /// <inheritdoc />
    public StoreLookup Lookup(CacheKey key, TableSet tables)
    {
        var plan = PrepareLookup(key, tables);
        return plan.Result ?? CompleteLookup(plan, Run(RedisScripts.Lookup, plan.Keys!, plan.Arguments!));
    }

    /// <inheritdoc />
    public async ValueTask<bool> TryStoreAsync(CacheKey key, CacheEntry entry, CancellationToken cancellationToken = default)
    {
        var plan = PrepareStore(key, entry);
        return plan is not null && CompleteStore(plan, await RunAsync(RedisScripts.Store, plan.Keys, plan.Arguments).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public bool TryStore(CacheKey key, CacheEntry entry)
    {
        var plan = PrepareStore(key, entry);
        return plan is not null && CompleteStore(plan, Run(RedisScripts.Store, plan.Keys, plan.Arguments));
    }

    /// <inheritdoc />
    public async ValueTask<WriteTicket> BeginWriteAsync(TableSet tables, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var ticket = new WriteTicket(tables, RandomLong());
        await WriteAsync(tables, "begin", ticket.Id, lease).ConfigureAwait(false);
        return ticket;
    }

    /// <inheritdoc />
    public WriteTicket BeginWrite(TableSet tables, TimeSpan lease)
    {
        var ticket = new WriteTicket(tables, RandomLong());
        Write(tables, "begin", ticket.Id, lease);
        return ticket;
    }

    /// <inheritdoc />
    public ValueTask EndWriteAsync(WriteTicket ticket, CancellationToken cancellationToken = default)
        => new(WriteAsync(ticket.Tables, "end", ticket.Id, TimeSpan.Zero));

    /// <inheritdoc />
    public void EndWrite(WriteTicket ticket) => Write(ticket.Tables, "end", ticket.Id, TimeSpan.Zero);

    /// <inheritdoc />
    public ValueTask InvalidateAsync(TableSet tables, CancellationToken cancellationToken = default)
        => new(WriteAsync(tables, "invalidate", 0, TimeSpan.Zero));

    /// <inheritdoc />
    public async ValueTask InvalidateAllAsync(CancellationToken cancellationToken = default)
    {
        Flush(EvictionReason.Cleared);
        lock (_health)
        {
            if (_degraded)
            {
                _allDirty = true;
                return;
            }
        }

        try
        {
            await InvalidateEverythingAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            _allDirty = true;
            Degrade(exception, "invalidating everything");
        }
    }

    /// <inheritdoc />
    public StoreStatistics GetStatistics() => new(_l1?.Count ?? 0, _l1?.Bytes ?? 0, _l1?.Evictions ?? 0);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposing.IsCancellationRequested)
        {
            return;
        }

        _disposing.Cancel();
        _multiplexer.ConnectionFailed -= OnConnectionFailed;
        _multiplexer.ConnectionRestored -= OnConnectionRestored;
        try
        {
            _multiplexer.GetSubscriber().UnsubscribeAsync(_channel, _onMessage, CommandFlags.FireAndForget);
        }
        catch (Exception exception) when (IsFault(exception))
        {
            // The connection is going away anyway.
        }

        _io.Dispose();
        _syncPool.Dispose();
        _connection.Dispose();
        _l1?.Clear();
    }

    private LookupPlan PrepareLookup(CacheKey key, TableSet tables)
    {
        ThrowIfDegraded();
        var resolved = Resolve(tables);
        var now = _time.GetUtcNow().UtcTicks;
        var candidate = _l1?.TryGet(key, now);
        if (candidate is not null && !candidate.Entry.Tables.Equals(tables))
        {
            candidate = null;
        }

        if (candidate is not null && _trustPubSub && _subscribed && _view.Matches(resolved.DatabaseId, tables.Tables, candidate.Entry.Tokens))
        {
            L1Cache.Touch(candidate, now);
            return new LookupPlan { Result = StoreLookup.Hit(candidate.Entry) };
        }

        var n = tables.Count;
        var arguments = new byte[1 + n + (candidate is null ? 0 : n)][];
        arguments[0] = Ascii(n);
        for (var i = 0; i < n; i++)
        {
            arguments[1 + i] = Ascii(RandomLong());
            if (candidate is not null)
            {
                arguments[1 + n + i] = Ascii(candidate.Entry.Tokens[i]);
            }
        }

        return new LookupPlan
        {
            Key = key,
            Tables = tables,
            Resolved = resolved,
            Candidate = candidate,
            Epoch = _view.Epoch,
            Keys = [.. resolved.TokenKeys, .. resolved.PendingKeys, _keys.Registry, _keys.Entry(key)],
            Arguments = arguments,
        };
    }

    private StoreLookup CompleteLookup(LookupPlan plan, byte[]?[] reply)
    {
        var tables = plan.Tables!;
        var n = tables.Count;
        if (reply.Length < n + 1)
        {
            throw new InvalidDataException("EfReadCache: the Redis lookup script returned a short reply.");
        }

        var tokens = new long[n];
        for (var i = 0; i < n; i++)
        {
            tokens[i] = ParseToken(reply[i]);
        }

        if (Text(reply[n]) == "1")
        {
            return StoreLookup.Pending();
        }

        _view.Install(plan.Resolved!.DatabaseId, tables.Tables, tokens, plan.Epoch);
        var now = _time.GetUtcNow().UtcTicks;
        var foundStale = false;
        if (plan.Candidate is { } candidate)
        {
            if (candidate.Entry.Tokens.AsSpan().SequenceEqual(tokens))
            {
                L1Cache.Touch(candidate, now);
                return StoreLookup.Hit(candidate.Entry);
            }

            _l1!.Remove(candidate);
            foundStale = true;
        }

        if (reply.Length < n + 2 || reply[n + 1] is not { } bytes)
        {
            return StoreLookup.Miss(tokens, foundStale);
        }

        if (!RedisEntrySerializer.TryDeserialize(bytes, out var entry, out var expires, out var error))
        {
            _logger.LogWarning("EfReadCache found an entry in Redis that does not decode ({Error}); it is treated as a miss.", error);
            _context.OnEvicted(EvictionReason.Corrupt, 1);
            return StoreLookup.Miss(tokens, foundStale);
        }

        if (!entry!.Tables.Equals(tables) || !entry.Tokens.AsSpan().SequenceEqual(tokens))
        {
            return StoreLookup.Miss(tokens, foundStale: true);
        }

        if (expires <= now)
        {
            return StoreLookup.Miss(tokens, foundStale);
        }

        _l1?.Set(plan.Key!, entry, entry.Sliding ? now + entry.TimeToLive.Ticks : expires);
        if (entry.Sliding)
        {
            _database.KeyExpire(_keys.Entry(plan.Key!), entry.TimeToLive, CommandFlags.FireAndForget);
        }

        return StoreLookup.Hit(entry);
    }

    private StorePlan? PrepareStore(CacheKey key, CacheEntry entry)
    {
        ThrowIfDegraded();
        if (entry.Payload is not BufferedResult result || entry.Tokens.Length != entry.Tables.Count || entry.SizeBytes > _maxEntryBytes)
        {
            return null; // an entry larger than the cache's byte bound is not cached, as in the memory store
        }

        var resolved = Resolve(entry.Tables);
        var expires = _time.GetUtcNow().UtcTicks + entry.TimeToLive.Ticks;
        byte[] bytes;
        if (RedisEntrySerializer.CanSerialize(result))
        {
            bytes = RedisEntrySerializer.Serialize(entry, expires);
        }
        else
        {
            // Kept in this process only: the compare-and-set still runs, with nothing to write.
            _logger.LogDebug("EfReadCache keeps entry {Key} in L1 only: it holds a value the Redis format cannot carry.", key.Id);
            if (_l1 is null)
            {
                return null;
            }

            bytes = [];
        }

        var n = entry.Tables.Count;
        var arguments = new byte[3 + n][];
        arguments[0] = Ascii(n);
        arguments[1] = Ascii((long)Math.Max(1, Math.Ceiling(entry.TimeToLive.TotalMilliseconds)));
        arguments[2] = bytes;
        for (var i = 0; i < n; i++)
        {
            arguments[3 + i] = Ascii(entry.Tokens[i]);
        }

        return new StorePlan(key, entry, expires, [.. resolved.TokenKeys, .. resolved.PendingKeys, _keys.Entry(key)], arguments);
    }

    private bool CompleteStore(StorePlan plan, byte[]?[] reply)
    {
        if (reply.Length == 0 || Text(reply[0]) != "1")
        {
            return false;
        }

        _l1?.Set(plan.Key, plan.Entry, plan.ExpiresTicks);
        return true;
    }

    private WritePlan? PrepareWrite(TableSet tables, string mode, long writeId, TimeSpan lease)
    {
        var resolved = Resolve(tables);
        _view.Forget(resolved.DatabaseId, tables.Tables); // this process stops trusting what it knew at once
        if (tables.Count == 0)
        {
            return null;
        }

        if (!EnterHealthy(resolved.DatabaseId, tables.Tables))
        {
            RememberUnreleased(tables, mode, writeId);
            return null;
        }

        return BuildWrite(resolved, tables, mode, writeId, lease);
    }

    private WritePlan PrepareReplay(TableSet tables, long writeId) => BuildWrite(Resolve(tables), tables, "end", writeId, TimeSpan.Zero);

    private WritePlan BuildWrite(ResolvedTables resolved, TableSet tables, string mode, long writeId, TimeSpan lease)
    {
        var n = tables.Count;
        var arguments = new byte[6 + n][];
        arguments[0] = Ascii(n);
        arguments[1] = Encoding.ASCII.GetBytes(mode);
        arguments[2] = Ascii(writeId);
        arguments[3] = Ascii((long)Math.Max(1, lease.TotalMilliseconds));
        arguments[4] = Encoding.UTF8.GetBytes(_keys.Channel);
        arguments[5] = Encoding.UTF8.GetBytes(TablesMessage(resolved.DatabaseId, tables.Tables));
        for (var i = 0; i < n; i++)
        {
            arguments[6 + i] = Ascii(RandomLong());
        }

        return new WritePlan(resolved, tables, mode, writeId, [.. resolved.TokenKeys, .. resolved.PendingKeys, _keys.Registry], arguments);
    }

    private async Task WriteAsync(TableSet tables, string mode, long writeId, TimeSpan lease)
    {
        if (PrepareWrite(tables, mode, writeId, lease) is not { } plan)
        {
            return;
        }

        try
        {
            await RunAsync(RedisScripts.Write, plan.Keys, plan.Arguments).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            WriteFailed(plan, exception); // never thrown: the write itself must go ahead
        }
    }

    private void Write(TableSet tables, string mode, long writeId, TimeSpan lease)
    {
        if (PrepareWrite(tables, mode, writeId, lease) is not { } plan)
        {
            return;
        }

        try
        {
            Run(RedisScripts.Write, plan.Keys, plan.Arguments);
        }
        catch (Exception exception)
        {
            WriteFailed(plan, exception); // never thrown: the write itself must go ahead
        }
    }

    // The write runs anyway (fail-open); its tables are remembered and their tokens replaced once Redis is back.
    private void WriteFailed(WritePlan plan, Exception exception)
    {
        Interlocked.Increment(ref _bypassedWrites);
        foreach (var table in plan.Tables.Tables)
        {
            _dirty[(plan.Resolved.DatabaseId, table)] = 0;
        }

        RememberUnreleased(plan.Tables, plan.Mode, plan.WriteId);
        Degrade(exception, "recording a write to " + plan.Tables);
    }

    // A write's end that could not reach Redis: its pending mark is released on reconnect, not left to its lease.
    private void RememberUnreleased(TableSet tables, string mode, long writeId)
    {
        if (mode == "end")
        {
            _unreleased[writeId] = tables;
        }
    }

    private bool EnterHealthy(string databaseId, IReadOnlyList<string> tables)
    {
        if (!_degraded)
        {
            return true;
        }

        lock (_health)
        {
            if (!_degraded)
            {
                return true;
            }

            Interlocked.Increment(ref _bypassedWrites);
            foreach (var table in tables)
            {
                _dirty[(databaseId, table)] = 0;
            }

            return false;
        }
    }

    private async Task InvalidateEverythingAsync()
    {
        var reply = await RunAsync(RedisScripts.Tables, [_keys.Registry], []).ConfigureAwait(false);
        var byDatabase = reply.Select(k => k is null ? null : _keys.ParseToken(Encoding.UTF8.GetString(k)))
            .OfType<(string DatabaseId, string Table)>()
            .GroupBy(k => k.DatabaseId, k => k.Table);
        foreach (var group in byDatabase)
        {
            await ReplaceTokensAsync(group.Key, group.ToArray(), AllMessage()).ConfigureAwait(false);
        }

        await PublishAsync(AllMessage()).ConfigureAwait(false);
    }

    private Task<object?> PublishAsync(string message)
        => _io.ExecuteAsync(["PUBLISH"u8.ToArray(), Encoding.UTF8.GetBytes(_keys.Channel), Encoding.UTF8.GetBytes(message)]);

    private async Task ReplaceTokensAsync(string databaseId, string[] tables, string message)
    {
        foreach (var chunk in tables.Chunk(500))
        {
            var tokenKeys = chunk.Select(t => _keys.Token(databaseId, t)).ToArray();
            var keys = tokenKeys.Concat(tokenKeys.Select(_keys.PendingFromToken)).Append(_keys.Registry).ToArray();
            var arguments = new List<byte[]>
            {
                Ascii(chunk.Length), "invalidate"u8.ToArray(), Ascii(0), Ascii(1), Encoding.UTF8.GetBytes(_keys.Channel), Encoding.UTF8.GetBytes(message),
            };
            arguments.AddRange(chunk.Select(_ => Ascii(RandomLong())));
            await RunAsync(RedisScripts.Write, keys, [.. arguments]).ConfigureAwait(false);
        }
    }

    private void ThrowIfDegraded()
    {
        if (_degraded)
        {
            throw new RedisStoreUnavailableException();
        }
    }

    // A Redis restored from disk brings back tokens (and entries) from before writes its previous run had seen, the
    // one way a token could repeat. Its run_id differs from the one recorded with the data: everything is invalidated.
    private bool CheckServerIdentity(Func<IReadOnlyList<byte[]>, object?> execute)
    {
        var info = execute(["INFO"u8.ToArray(), "server"u8.ToArray()]) as byte[] ?? [];
        var runId = Encoding.ASCII.GetString(info).Split('\n').Select(l => l.Trim())
            .FirstOrDefault(l => l.StartsWith("run_id:", StringComparison.Ordinal))?["run_id:".Length..];
        if (string.IsNullOrEmpty(runId))
        {
            return false; // a server (or proxy) that does not say: nothing to compare
        }

        var keys = new[] { _keys.Server };
        object? reply;
        try
        {
            reply = execute(Command("EVALSHA"u8.ToArray(), RedisScripts.Identity.HashHex, keys, [Encoding.ASCII.GetBytes(runId)]));
        }
        catch (RespErrorException exception) when (exception.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
        {
            reply = execute(Command("EVAL"u8.ToArray(), Encoding.UTF8.GetBytes(RedisScripts.Identity.Text), keys, [Encoding.ASCII.GetBytes(runId)]));
        }

        if (Text(Flatten(reply).FirstOrDefault()) != "changed")
        {
            return false;
        }

        _logger.LogWarning("EfReadCache found Redis data restored from another run (run_id changed); every cached result is invalidated.");
        _allDirty = true;
        return true;
    }

    private ResolvedTables Resolve(TableSet tables)
    {
        if (tables.StoreStates is ResolvedTables resolved && ReferenceEquals(resolved.Keys, _keys))
        {
            return resolved;
        }

        var databaseId = RedisKeys.DatabaseId(tables.Database);
        var tokenKeys = tables.Tables.Select(t => _keys.Token(databaseId, t)).ToArray();
        resolved = new ResolvedTables(_keys, databaseId, tokenKeys, tokenKeys.Select(_keys.PendingFromToken).ToArray());
        tables.StoreStates = resolved;
        return resolved;
    }

    private async Task<byte[]?[]> RunAsync(RedisScript script, string[] keys, byte[][] arguments)
    {
        try
        {
            object? reply;
            try
            {
                reply = await _io.ExecuteAsync(Command("EVALSHA"u8.ToArray(), script.HashHex, keys, arguments)).ConfigureAwait(false);
            }
            catch (RespErrorException exception) when (exception.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
            {
                reply = await _io.ExecuteAsync(Command("EVAL"u8.ToArray(), Encoding.UTF8.GetBytes(script.Text), keys, arguments)).ConfigureAwait(false);
            }

            return Flatten(reply);
        }
        catch (Exception exception) when (IsFault(exception))
        {
            Degrade(exception, "running a script");
            throw;
        }
    }

    private byte[]?[] Run(RedisScript script, string[] keys, byte[][] arguments)
    {
        try
        {
            object? reply;
            try
            {
                reply = _syncPool.Execute(Command("EVALSHA"u8.ToArray(), script.HashHex, keys, arguments));
            }
            catch (RespErrorException exception) when (exception.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
            {
                reply = _syncPool.Execute(Command("EVAL"u8.ToArray(), Encoding.UTF8.GetBytes(script.Text), keys, arguments));
            }

            return Flatten(reply);
        }
        catch (Exception exception) when (IsFault(exception))
        {
            Degrade(exception, "running a script");
            throw;
        }
    }

    private static byte[]?[] Flatten(object? reply)
        => reply is object?[] items
            ? items.Select(i => i switch
            {
                null => null,
                byte[] bytes => bytes,
                RespErrorException error => throw error,
                _ => Encoding.ASCII.GetBytes(Convert.ToString(i, CultureInfo.InvariantCulture)!),
            }).ToArray()
            : [];

    private static byte[][] Command(byte[] verb, byte[] script, string[] keys, byte[][] arguments)
    {
        var command = new byte[3 + keys.Length + arguments.Length][];
        command[0] = verb;
        command[1] = script;
        command[2] = Ascii(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            command[3 + i] = Encoding.UTF8.GetBytes(keys[i]);
        }

        arguments.CopyTo(command, 3 + keys.Length);
        return command;
    }

    private static bool IsFault(Exception exception)
        => exception is RedisException or TimeoutException or SocketException or IOException or ObjectDisposedException
            or RespErrorException or InvalidOperationException or AggregateException or InvalidDataException or FormatException
            or OverflowException;

    private static byte[] Ascii(long value) => Encoding.ASCII.GetBytes(value.ToString(CultureInfo.InvariantCulture));

    private static string? Text(byte[]? bytes) => bytes is null ? null : Encoding.ASCII.GetString(bytes);

    private static long ParseToken(byte[]? bytes)
        => bytes is not null && long.TryParse(Encoding.ASCII.GetString(bytes), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var token)
            ? token
            : throw new InvalidDataException("EfReadCache: a table token in Redis is not a number.");

    private static long RandomLong()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        return BitConverter.ToInt64(bytes);
    }

    private string TablesMessage(string databaseId, IEnumerable<string> tables)
        => string.Join('|', MessageVersion, _sourceId, "t", databaseId, string.Join('\n', tables));

    private string AllMessage() => string.Join('|', MessageVersion, _sourceId, "all", "", "");

    private sealed class LookupPlan
    {
        public StoreLookup? Result { get; init; }

        public CacheKey? Key { get; init; }

        public TableSet? Tables { get; init; }

        public ResolvedTables? Resolved { get; init; }

        public CacheSlot? Candidate { get; init; }

        public long Epoch { get; init; }

        public string[]? Keys { get; init; }

        public byte[][]? Arguments { get; init; }
    }

    private sealed record StorePlan(CacheKey Key, CacheEntry Entry, long ExpiresTicks, string[] Keys, byte[][] Arguments);

    private sealed record WritePlan(ResolvedTables Resolved, TableSet Tables, string Mode, long WriteId, string[] Keys, byte[][] Arguments);

    private sealed record ResolvedTables(RedisKeys Keys, string DatabaseId, string[] TokenKeys, string[] PendingKeys);
}
