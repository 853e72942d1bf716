namespace EfReadCache.Storage;

/// <summary>The outcome of <see cref="IReadCacheStore.LookupAsync" />.</summary>
public readonly struct StoreLookup
{
    private StoreLookup(CacheEntry? entry, long[]? snapshot, bool pending, bool stale)
    {
        Entry = entry;
        Snapshot = snapshot;
        IsPending = pending;
        FoundStale = stale;
    }

    /// <summary>The valid entry, on a hit.</summary>
    public CacheEntry? Entry { get; }

    /// <summary>On a miss: the current tokens of the tables, in <see cref="TableSet.Tables" /> order, to carry into the store.</summary>
    public long[]? Snapshot { get; }

    /// <summary>A table is pending a write: neither serve nor store.</summary>
    public bool IsPending { get; }

    /// <summary>An entry was there but a token had moved (it was removed).</summary>
    public bool FoundStale { get; }

    /// <summary>Whether this is a hit.</summary>
    public bool IsHit => Entry is not null;

    /// <summary>A hit.</summary>
    /// <param name="entry">The valid entry.</param>
    /// <returns>The lookup result.</returns>
    public static StoreLookup Hit(CacheEntry entry) => new(entry, null, false, false);

    /// <summary>A miss with the snapshot to store under.</summary>
    /// <param name="snapshot">The current tokens.</param>
    /// <param name="foundStale">Whether a stale entry was found and dropped.</param>
    /// <returns>The lookup result.</returns>
    public static StoreLookup Miss(long[] snapshot, bool foundStale = false) => new(null, snapshot, false, foundStale);

    /// <summary>A table is pending.</summary>
    /// <returns>The lookup result.</returns>
    public static StoreLookup Pending() => new(null, null, true, false);
}
