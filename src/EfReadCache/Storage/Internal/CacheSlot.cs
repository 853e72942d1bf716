namespace EfReadCache.Storage.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>One entry held in process (the memory store, the Redis store's L1), with its expiry and its CLOCK bit.</remarks>
/// <param name="key">The key.</param>
/// <param name="entry">The entry.</param>
/// <param name="bytes">The bytes it is accounted for.</param>
/// <param name="expiresTicks">When it expires, in UTC ticks.</param>
public sealed class CacheSlot(CacheKey key, CacheEntry entry, long bytes, long expiresTicks)
{
    private long _expiresTicks = expiresTicks;
    private volatile bool _referenced;

    /// <summary>The key.</summary>
    public CacheKey Key { get; } = key;

    /// <summary>The entry.</summary>
    public CacheEntry Entry { get; } = entry;

    /// <summary>The bytes it is accounted for.</summary>
    public long Bytes { get; } = bytes;

    /// <summary>When it expires, in UTC ticks.</summary>
    public long ExpiresTicks
    {
        get => Volatile.Read(ref _expiresTicks);
        set => Volatile.Write(ref _expiresTicks, value);
    }

    /// <summary>The CLOCK bit: served since the hand last passed.</summary>
    public bool Referenced
    {
        get => _referenced;
        set
        {
            // Hits set it over and over: writing only on a change keeps the cache line shared between cores.
            if (_referenced != value)
            {
                _referenced = value;
            }
        }
    }
}
