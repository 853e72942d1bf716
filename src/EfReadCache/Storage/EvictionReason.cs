namespace EfReadCache.Storage;

/// <summary>Why an entry left a store.</summary>
public enum EvictionReason
{
    /// <summary>The store was over its entry or byte limit and this entry was the least recently used.</summary>
    Capacity,

    /// <summary>The entry's time to live passed.</summary>
    Expired,

    /// <summary>A lookup found that a table the entry depends on has changed.</summary>
    Stale,

    /// <summary>Everything was invalidated.</summary>
    Cleared,

    /// <summary>The stored bytes could not be decoded.</summary>
    Corrupt,
}
