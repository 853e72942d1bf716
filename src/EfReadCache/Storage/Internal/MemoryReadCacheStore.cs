using System.Collections.Concurrent;
using EfReadCache.Internal.Replay;

namespace EfReadCache.Storage.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>
///     <para>
///         The in-process store. Entries live in a concurrent dictionary; eviction follows the CLOCK (second-chance)
///         approximation of LRU: a hit sets the entry's reference bit without a lock, and the evicter, which runs only
///         when a store goes over a limit, skips (and clears) referenced entries. No lock is taken on the hit path.
///     </para>
///     <para>Sizes are the measured bytes of the payload plus a fixed overhead per entry for the key and bookkeeping.</para>
/// </remarks>
public sealed class MemoryReadCacheStore : IReadCacheStore, IReadCacheSyncStore
{
    /// <summary>
    ///     What every entry costs besides its payload and its key's parameters, on 64-bit .NET: the key object and its
    ///     parameter array, the slot, the dictionary node, the entry record and its token array, the buffered result's
    ///     own objects, and the clock queue's slots (an entry can be queued twice). Calibrated against the managed heap
    ///     by the memory harness of tests/EfReadCache.Benchmarks.
    /// </summary>
    internal const long EntryOverhead = 560;

    /// <summary>Bytes per parameter in the key (array slot and box header), besides the value's own size.</summary>
    internal const long ParameterOverhead = 32;

    private readonly ConcurrentDictionary<CacheKey, CacheSlot> _entries = new();
    private readonly ConcurrentDictionary<(string Database, string Table), TableTokenState> _tables = new();
    private readonly ConcurrentQueue<CacheSlot> _clock = new();
    private readonly object _evictLock = new();
    private readonly TokenSource _tokens = new();
    private readonly TimeProvider _time;
    private readonly long _maxEntries;
    private readonly long _maxBytes;
    private readonly Action<EvictionReason, long> _onEvicted;
    private long _count;
    private long _bytes;
    private long _payloadBytes;
    private long _evictions;

    /// <summary>Creates the store.</summary>
    /// <param name="context">Options, clock and the eviction callback.</param>
    public MemoryReadCacheStore(StoreContext context)
    {
        _time = context.TimeProvider;
        _maxEntries = context.Options.MaxEntries;
        _maxBytes = context.Options.MaxBytes;
        _onEvicted = context.OnEvicted;
    }

    /// <inheritdoc />
    public ValueTask<StoreLookup> LookupAsync(CacheKey key, TableSet tables, CancellationToken cancellationToken = default)
        => new(Lookup(key, tables));

    /// <summary>The synchronous form of <see cref="LookupAsync" />.</summary>
    /// <param name="key">The key.</param>
    /// <param name="tables">The query's tables.</param>
    /// <returns>The lookup result.</returns>
    public StoreLookup Lookup(CacheKey key, TableSet tables)
    {
        var states = States(tables);
        var now = _time.GetUtcNow().UtcTicks;
        var foundStale = false;
        if (_entries.TryGetValue(key, out var slot))
        {
            if (slot.ExpiresTicks <= now)
            {
                Remove(slot, EvictionReason.Expired);
            }
            else if (IsCurrent(slot.Entry, tables, states))
            {
                if (!AnyPending(states, now))
                {
                    slot.Referenced = true;
                    if (slot.Entry.Sliding)
                    {
                        slot.ExpiresTicks = now + slot.Entry.TimeToLive.Ticks;
                    }

                    return StoreLookup.Hit(slot.Entry);
                }
            }
            else
            {
                Remove(slot, EvictionReason.Stale);
                foundStale = true;
            }
        }

        var snapshot = new long[states.Length];
        for (var i = 0; i < states.Length; i++)
        {
            snapshot[i] = states[i].Token;
        }

        // Tokens are read before the pending marks: a write that begins in between is then seen as pending.
        return AnyPending(states, now) ? StoreLookup.Pending() : StoreLookup.Miss(snapshot, foundStale);
    }

    /// <inheritdoc />
    public ValueTask<bool> TryStoreAsync(CacheKey key, CacheEntry entry, CancellationToken cancellationToken = default)
        => new(TryStore(key, entry));

    /// <summary>The synchronous form of <see cref="TryStoreAsync" />.</summary>
    /// <param name="key">The key.</param>
    /// <param name="entry">The entry and its snapshot.</param>
    /// <returns>Whether the entry was stored.</returns>
    public bool TryStore(CacheKey key, CacheEntry entry)
    {
        var bytes = entry.SizeBytes + Overhead(key, entry);
        if (bytes > _maxBytes)
        {
            return false;
        }

        var states = States(entry.Tables);
        var now = _time.GetUtcNow().UtcTicks;
        if (!IsCurrent(entry, entry.Tables, states) || AnyPending(states, now))
        {
            return false;
        }

        var slot = new CacheSlot(key, entry, bytes, now + entry.TimeToLive.Ticks);
        CacheSlot? replaced = null;
        _entries.AddOrUpdate(key, slot, (_, old) =>
        {
            replaced = old;
            return slot;
        });
        if (replaced is not null)
        {
            Interlocked.Add(ref _bytes, -replaced.Bytes);
            Interlocked.Add(ref _payloadBytes, -replaced.Entry.SizeBytes);
        }
        else
        {
            Interlocked.Increment(ref _count);
        }

        Interlocked.Add(ref _bytes, bytes);
        Interlocked.Add(ref _payloadBytes, entry.SizeBytes);
        _clock.Enqueue(slot);
        if (OverLimits() || _clock.Count > 2 * Volatile.Read(ref _count) + 1024)
        {
            Evict();
        }

        return true;
    }

    /// <inheritdoc />
    public ValueTask<WriteTicket> BeginWriteAsync(TableSet tables, TimeSpan lease, CancellationToken cancellationToken = default)
        => new(BeginWrite(tables, lease));

    /// <summary>The synchronous form of <see cref="BeginWriteAsync" />.</summary>
    /// <param name="tables">The tables.</param>
    /// <param name="lease">How long the mark holds without an end.</param>
    /// <returns>The ticket.</returns>
    public WriteTicket BeginWrite(TableSet tables, TimeSpan lease)
    {
        var ticket = new WriteTicket(tables, _tokens.Next());
        var expires = _time.GetUtcNow().UtcTicks + lease.Ticks;
        foreach (var state in States(tables))
        {
            state.AddLease(ticket.Id, expires);
            state.Replace(_tokens.Next());
        }

        return ticket;
    }

    /// <inheritdoc />
    public ValueTask EndWriteAsync(WriteTicket ticket, CancellationToken cancellationToken = default)
    {
        EndWrite(ticket);
        return ValueTask.CompletedTask;
    }

    /// <summary>The synchronous form of <see cref="EndWriteAsync" />.</summary>
    /// <param name="ticket">The ticket from <see cref="BeginWrite" />.</param>
    public void EndWrite(WriteTicket ticket)
    {
        foreach (var state in States(ticket.Tables))
        {
            // The new token is visible before the mark is released, so no reader can snapshot the old one unmarked.
            state.Replace(_tokens.Next());
            state.RemoveLease(ticket.Id);
        }
    }

    /// <inheritdoc />
    public ValueTask InvalidateAsync(TableSet tables, CancellationToken cancellationToken = default)
    {
        foreach (var state in States(tables))
        {
            state.Replace(_tokens.Next());
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask InvalidateAllAsync(CancellationToken cancellationToken = default)
    {
        foreach (var state in _tables.Values)
        {
            state.Replace(_tokens.Next());
        }

        long removed = 0;
        foreach (var slot in _entries.Values)
        {
            if (TryRemove(slot))
            {
                removed++;
            }
        }

        if (removed > 0)
        {
            _onEvicted(EvictionReason.Cleared, removed);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public StoreStatistics GetStatistics()
        => new(Volatile.Read(ref _count), Volatile.Read(ref _bytes), Volatile.Read(ref _evictions));

    /// <summary>The payloads' measured bytes, without the per-entry overhead that <see cref="GetStatistics" /> includes.</summary>
    internal long PayloadBytes => Volatile.Read(ref _payloadBytes);

    /// <summary>The bytes an entry holds besides its payload: the fixed overhead, the key's parameters and the tokens.</summary>
    /// <param name="key">The key.</param>
    /// <param name="entry">The entry.</param>
    /// <returns>Bytes.</returns>
    internal static long Overhead(CacheKey key, CacheEntry entry)
    {
        var size = EntryOverhead + 8L * entry.Tokens.Length;
        var parameters = key.Parameters;
        for (var i = 0; i < parameters.Count; i++)
        {
            size += ParameterOverhead + ValueSizer.ValueSize(parameters[i].Value);
        }

        return size;
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private TableTokenState[] States(TableSet tables)
    {
        // A query's table set is reused across executions, so its states are resolved once per store.
        if (tables.StoreStates is ResolvedStates resolved && ReferenceEquals(resolved.Owner, this))
        {
            return resolved.States;
        }

        var states = new TableTokenState[tables.Count];
        for (var i = 0; i < states.Length; i++)
        {
            states[i] = _tables.GetOrAdd((tables.Database, tables.Tables[i]), static (_, source) => new TableTokenState(source.Next()), _tokens);
        }

        tables.StoreStates = new ResolvedStates(this, states);
        return states;
    }

    private static bool IsCurrent(CacheEntry entry, TableSet tables, TableTokenState[] states)
    {
        if (!ReferenceEquals(entry.Tables, tables) && !entry.Tables.Equals(tables))
        {
            return false;
        }

        var tokens = entry.Tokens;
        for (var i = 0; i < states.Length; i++)
        {
            if (states[i].Token != tokens[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool AnyPending(TableTokenState[] states, long now)
    {
        foreach (var state in states)
        {
            if (state.IsPending(now))
            {
                return true;
            }
        }

        return false;
    }

    private void Remove(CacheSlot slot, EvictionReason reason)
    {
        if (TryRemove(slot))
        {
            _onEvicted(reason, 1);
        }
    }

    private bool TryRemove(CacheSlot slot)
    {
        if (!_entries.TryRemove(new KeyValuePair<CacheKey, CacheSlot>(slot.Key, slot)))
        {
            return false;
        }

        Interlocked.Decrement(ref _count);
        Interlocked.Add(ref _bytes, -slot.Bytes);
        Interlocked.Add(ref _payloadBytes, -slot.Entry.SizeBytes);
        Interlocked.Increment(ref _evictions);
        return true;
    }

    private bool OverLimits() => Volatile.Read(ref _count) > _maxEntries || Volatile.Read(ref _bytes) > _maxBytes;

    private void Evict()
    {
        // A store that finds the lock taken leaves the work to the holder, so the holder checks again after releasing it.
        var rounds = 0;
        do
        {
            if (!Monitor.TryEnter(_evictLock))
            {
                return;
            }

            try
            {
                EvictCore();
            }
            finally
            {
                Monitor.Exit(_evictLock);
            }
        }
        while (OverLimits() && ++rounds < 8);
    }

    private void EvictCore()
    {
        var now = _time.GetUtcNow().UtcTicks;
        long capacity = 0, expired = 0;
        var budget = 2 * _clock.Count + 2;
        while (budget-- > 0 && _clock.TryDequeue(out var slot))
        {
            var over = OverLimits();
            if (!_entries.TryGetValue(slot.Key, out var current) || !ReferenceEquals(current, slot))
            {
                continue; // a ghost: replaced or removed since it was queued
            }

            if (slot.ExpiresTicks <= now)
            {
                if (TryRemove(slot))
                {
                    expired++;
                }

                continue;
            }

            if (!over)
            {
                _clock.Enqueue(slot);
                if (_clock.Count <= 2 * Volatile.Read(ref _count) + 1024)
                {
                    break;
                }

                continue;
            }

            if (slot.Referenced)
            {
                slot.Referenced = false;
                _clock.Enqueue(slot);
            }
            else if (TryRemove(slot))
            {
                capacity++;
            }
        }

        if (capacity > 0)
        {
            _onEvicted(EvictionReason.Capacity, capacity);
        }

        if (expired > 0)
        {
            _onEvicted(EvictionReason.Expired, expired);
        }
    }

    private sealed record ResolvedStates(MemoryReadCacheStore Owner, TableTokenState[] States);
}
