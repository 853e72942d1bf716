namespace EfReadCache.Diagnostics;

/// <summary>A snapshot of a cache's counters since it was created (or since <see cref="ReadCache.ResetStatistics" />).</summary>
public sealed record ReadCacheStatistics
{
    /// <summary>Queries answered from the cache.</summary>
    public long Hits { get; init; }

    /// <summary>Cacheable queries that ran against the database.</summary>
    public long Misses { get; init; }

    /// <summary>Hits divided by hits plus misses; 0 when there were none.</summary>
    public double HitRatio => Hits + Misses == 0 ? 0 : (double)Hits / (Hits + Misses);

    /// <summary>Results stored.</summary>
    public long Stores { get; init; }

    /// <summary>Entries held now.</summary>
    public long Entries { get; init; }

    /// <summary>Measured bytes held now.</summary>
    public long Bytes { get; init; }

    /// <summary>Entries evicted (capacity, expiry, staleness, corruption).</summary>
    public long Evictions { get; init; }

    /// <summary>Table invalidations (each write or call counts once per table).</summary>
    public long Invalidations { get; init; }

    /// <summary>Cacheable queries that ran without the cache, by reason.</summary>
    public IReadOnlyDictionary<ReadCacheBypassReason, long> Bypasses { get; init; } = new Dictionary<ReadCacheBypassReason, long>();

    /// <summary>Identical concurrent misses that waited for another caller's query instead of running their own.</summary>
    public long CoalescedMisses { get; init; }

    /// <summary>Database time that hits avoided: for each hit, how long its query took when it was stored, less the lookup.</summary>
    public TimeSpan TimeSaved { get; init; }

    /// <inheritdoc />
    public override string ToString()
        => $"hits={Hits} misses={Misses} ratio={HitRatio:P1} stores={Stores} entries={Entries} bytes={Bytes} evictions={Evictions} "
            + $"invalidations={Invalidations} coalesced={CoalescedMisses} bypasses={Bypasses.Values.Sum()} saved={TimeSaved.TotalMilliseconds:0}ms";
}
