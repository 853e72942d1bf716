using System.Collections.Concurrent;
using EfReadCache.Storage;
using EfReadCache.Storage.Internal;

namespace EfReadCache.Redis.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>
///     The in-process copy of entries read from or written to Redis, bounded by entries and measured bytes (CLOCK
///     eviction). It decides nothing about validity: every entry carries its tokens and the store checks them.
/// </remarks>
/// <param name="maxEntries">The most entries.</param>
/// <param name="maxBytes">The most measured bytes.</param>
/// <param name="onEvicted">Called with the reason and count when entries leave for capacity or expiry.</param>
public sealed class L1Cache(long maxEntries, long maxBytes, Action<EvictionReason, long> onEvicted)
{
    private const long EntryOverhead = 200;

    private readonly ConcurrentDictionary<CacheKey, CacheSlot> _slots = new();
    private readonly ConcurrentQueue<CacheSlot> _clock = new();
    private readonly object _evictLock = new();
    private long _count;
    private long _bytes;
    private long _evictions;

    /// <summary>Entries held.</summary>
    public long Count => Volatile.Read(ref _count);

    /// <summary>Measured bytes held.</summary>
    public long Bytes => Volatile.Read(ref _bytes);

    /// <summary>Entries evicted since creation.</summary>
    public long Evictions => Volatile.Read(ref _evictions);

    /// <summary>Finds an entry that has not expired; an expired one is dropped.</summary>
    /// <param name="key">The key.</param>
    /// <param name="nowTicks">The current time in UTC ticks.</param>
    /// <returns>The slot, or <see langword="null" />.</returns>
    public CacheSlot? TryGet(CacheKey key, long nowTicks)
    {
        if (!_slots.TryGetValue(key, out var slot))
        {
            return null;
        }

        if (slot.ExpiresTicks <= nowTicks)
        {
            if (Remove(slot))
            {
                onEvicted(EvictionReason.Expired, 1);
            }

            return null;
        }

        return slot;
    }

    /// <summary>Marks a slot used, and extends a sliding entry's life.</summary>
    /// <param name="slot">The slot that was served.</param>
    /// <param name="nowTicks">The current time in UTC ticks.</param>
    public static void Touch(CacheSlot slot, long nowTicks)
    {
        slot.Referenced = true;
        if (slot.Entry.Sliding)
        {
            slot.ExpiresTicks = nowTicks + slot.Entry.TimeToLive.Ticks;
        }
    }

    /// <summary>Adds or replaces an entry.</summary>
    /// <param name="key">The key.</param>
    /// <param name="entry">The entry.</param>
    /// <param name="expiresTicks">When it expires, in UTC ticks.</param>
    public void Set(CacheKey key, CacheEntry entry, long expiresTicks)
    {
        var bytes = entry.SizeBytes + EntryOverhead;
        if (bytes > maxBytes)
        {
            return;
        }

        var slot = new CacheSlot(key, entry, bytes, expiresTicks);
        CacheSlot? replaced = null;
        _slots.AddOrUpdate(key, slot, (_, old) =>
        {
            replaced = old;
            return slot;
        });
        if (replaced is null)
        {
            Interlocked.Increment(ref _count);
        }
        else
        {
            Interlocked.Add(ref _bytes, -replaced.Bytes);
        }

        Interlocked.Add(ref _bytes, bytes);
        _clock.Enqueue(slot);
        if (Count > maxEntries || Bytes > maxBytes || _clock.Count > 2 * Count + 1024)
        {
            Evict();
        }
    }

    /// <summary>Removes this slot if it is still the key's current one.</summary>
    /// <param name="slot">The slot.</param>
    /// <returns>Whether it was removed.</returns>
    public bool Remove(CacheSlot slot)
    {
        if (!_slots.TryRemove(new KeyValuePair<CacheKey, CacheSlot>(slot.Key, slot)))
        {
            return false;
        }

        Interlocked.Decrement(ref _count);
        Interlocked.Add(ref _bytes, -slot.Bytes);
        Interlocked.Increment(ref _evictions);
        return true;
    }

    /// <summary>Drops every entry.</summary>
    /// <returns>How many were dropped.</returns>
    public long Clear()
    {
        long removed = 0;
        foreach (var slot in _slots.Values)
        {
            if (Remove(slot))
            {
                removed++;
            }
        }

        _clock.Clear();
        return removed;
    }

    private void Evict()
    {
        if (!Monitor.TryEnter(_evictLock))
        {
            return;
        }

        try
        {
            long capacity = 0;
            var budget = 2 * _clock.Count + 2;
            while (budget-- > 0 && _clock.TryDequeue(out var slot))
            {
                if (!_slots.TryGetValue(slot.Key, out var current) || !ReferenceEquals(current, slot))
                {
                    continue;
                }

                if (Count <= maxEntries && Bytes <= maxBytes)
                {
                    _clock.Enqueue(slot);
                    if (_clock.Count <= 2 * Count + 1024)
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
                else if (Remove(slot))
                {
                    capacity++;
                }
            }

            if (capacity > 0)
            {
                onEvicted(EvictionReason.Capacity, capacity);
            }
        }
        finally
        {
            Monitor.Exit(_evictLock);
        }
    }
}
