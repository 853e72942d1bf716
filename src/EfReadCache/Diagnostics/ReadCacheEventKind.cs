namespace EfReadCache.Diagnostics;

/// <summary>What happened in a <see cref="ReadCacheEventArgs" />.</summary>
public enum ReadCacheEventKind
{
    /// <summary>A query was answered from the cache.</summary>
    Hit,

    /// <summary>A cacheable query was not in the cache (or its entry was stale) and ran against the database.</summary>
    Miss,

    /// <summary>A result was stored.</summary>
    Store,

    /// <summary>An entry left the store (capacity, expiry, staleness, corruption).</summary>
    Evict,

    /// <summary>Tables were invalidated by a write or by a call.</summary>
    Invalidate,

    /// <summary>A query that would have been cached went to the database without the cache; see <see cref="ReadCacheEventArgs.BypassReason" />.</summary>
    Bypass,
}
