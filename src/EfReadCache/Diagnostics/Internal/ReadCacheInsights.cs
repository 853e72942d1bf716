using System.Diagnostics;
using System.Diagnostics.Metrics;
using EfReadCache.Storage;

namespace EfReadCache.Diagnostics.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>Counters, the Meter and the events of one cache, updated without locks on the hit path.</remarks>
public sealed class ReadCacheInsights : IDisposable
{
    private static readonly int ReasonCount = Enum.GetValues<ReadCacheBypassReason>().Length;

    private readonly Meter _meter;
    private readonly Counter<long> _hitCounter;
    private readonly Counter<long> _missCounter;
    private readonly Counter<long> _storeCounter;
    private readonly Counter<long> _evictionCounter;
    private readonly Counter<long> _invalidationCounter;
    private readonly Counter<long> _bypassCounter;
    private readonly Histogram<double> _lookupDuration;
    private readonly long[] _bypasses = new long[ReasonCount];
    private long _hits, _misses, _stores, _evictions, _invalidations, _coalesced, _savedTicks;

    /// <summary>Creates the insights of one cache.</summary>
    /// <param name="events">The events hub.</param>
    /// <param name="cacheName">The cache's key prefix, set as the Meter's <c>efreadcache.cache</c> tag so several caches can be told apart.</param>
    public ReadCacheInsights(ReadCacheEvents events, string cacheName = "efrc")
    {
        Events = events;
        _meter = new Meter(new MeterOptions(ReadCacheDiagnostics.Name)
        {
            Tags = [new KeyValuePair<string, object?>(ReadCacheDiagnostics.CacheTag, cacheName)],
        });
        _hitCounter = _meter.CreateCounter<long>(ReadCacheDiagnostics.HitsInstrument, "{query}", "Queries answered from the cache.");
        _missCounter = _meter.CreateCounter<long>(ReadCacheDiagnostics.MissesInstrument, "{query}", "Cacheable queries that ran against the database.");
        _storeCounter = _meter.CreateCounter<long>(ReadCacheDiagnostics.StoresInstrument, "{entry}", "Results stored.");
        _evictionCounter = _meter.CreateCounter<long>(ReadCacheDiagnostics.EvictionsInstrument, "{entry}", "Entries evicted.");
        _invalidationCounter = _meter.CreateCounter<long>(ReadCacheDiagnostics.InvalidationsInstrument, "{table}", "Table invalidations.");
        _bypassCounter = _meter.CreateCounter<long>(ReadCacheDiagnostics.BypassesInstrument, "{query}", "Cacheable queries that bypassed the cache.");
        _lookupDuration = _meter.CreateHistogram<double>(ReadCacheDiagnostics.LookupDurationInstrument, "s", "Duration of cache lookups.");
    }

    /// <summary>The ActivitySource for traces of misses and invalidations.</summary>
    public static ActivitySource ActivitySource { get; } = new(ReadCacheDiagnostics.Name);

    /// <summary>The events hub.</summary>
    public ReadCacheEvents Events { get; }

    /// <summary>Records a hit.</summary>
    /// <param name="sender">The cache.</param>
    /// <param name="key">The key.</param>
    /// <param name="tables">The entry's tables.</param>
    /// <param name="elapsed">The lookup's duration.</param>
    /// <param name="rows">Rows replayed.</param>
    /// <param name="saved">Database time the hit avoided.</param>
    public void Hit(object sender, CacheKey key, TableSet tables, TimeSpan elapsed, int rows, TimeSpan saved)
    {
        Interlocked.Increment(ref _hits);
        if (saved > TimeSpan.Zero)
        {
            Interlocked.Add(ref _savedTicks, saved.Ticks);
        }

        _hitCounter.Add(1);
        if (_lookupDuration.Enabled)
        {
            _lookupDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>(ReadCacheDiagnostics.ResultTag, "hit"));
        }

        if (Events.HasHandlers)
        {
            Events.Raise(sender, new ReadCacheEventArgs(ReadCacheEventKind.Hit, key.Id, tables.Tables, elapsed, rows));
        }
    }

    /// <summary>Records a miss (the query ran).</summary>
    /// <param name="sender">The cache.</param>
    /// <param name="key">The key.</param>
    /// <param name="tables">The query's tables.</param>
    /// <param name="elapsed">The query's duration.</param>
    /// <param name="rows">Rows returned.</param>
    public void Miss(object sender, CacheKey key, TableSet tables, TimeSpan elapsed, int rows)
    {
        Interlocked.Increment(ref _misses);
        _missCounter.Add(1);
        if (_lookupDuration.Enabled)
        {
            _lookupDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>(ReadCacheDiagnostics.ResultTag, "miss"));
        }

        if (Events.HasHandlers)
        {
            Events.Raise(sender, new ReadCacheEventArgs(ReadCacheEventKind.Miss, key.Id, tables.Tables, elapsed, rows));
        }
    }

    /// <summary>Records a caller that waited for another caller's identical query.</summary>
    public void Coalesced() => Interlocked.Increment(ref _coalesced);

    /// <summary>Records a stored result.</summary>
    /// <param name="sender">The cache.</param>
    /// <param name="key">The key.</param>
    /// <param name="tables">The entry's tables.</param>
    /// <param name="elapsed">The store's duration.</param>
    /// <param name="rows">Rows stored.</param>
    public void Stored(object sender, CacheKey key, TableSet tables, TimeSpan elapsed, int rows)
    {
        Interlocked.Increment(ref _stores);
        _storeCounter.Add(1);
        if (Events.HasHandlers)
        {
            Events.Raise(sender, new ReadCacheEventArgs(ReadCacheEventKind.Store, key.Id, tables.Tables, elapsed, rows));
        }
    }

    /// <summary>Records evicted entries.</summary>
    /// <param name="sender">The cache.</param>
    /// <param name="reason">Why.</param>
    /// <param name="count">How many.</param>
    public void Evicted(object sender, EvictionReason reason, long count)
    {
        Interlocked.Add(ref _evictions, count);
        _evictionCounter.Add(count, new KeyValuePair<string, object?>(ReadCacheDiagnostics.ReasonTag, reason.ToString()));
        if (Events.HasHandlers)
        {
            Events.Raise(sender, new ReadCacheEventArgs(ReadCacheEventKind.Evict, null, [], TimeSpan.Zero, (int)Math.Min(count, int.MaxValue), evictionReason: reason));
        }
    }

    /// <summary>Records invalidated tables.</summary>
    /// <param name="sender">The cache.</param>
    /// <param name="tables">The tables.</param>
    /// <param name="elapsed">How long it took.</param>
    public void Invalidated(object sender, IReadOnlyList<string> tables, TimeSpan elapsed)
    {
        Interlocked.Add(ref _invalidations, tables.Count);
        _invalidationCounter.Add(tables.Count);
        if (Events.HasHandlers)
        {
            Events.Raise(sender, new ReadCacheEventArgs(ReadCacheEventKind.Invalidate, null, tables, elapsed));
        }
    }

    /// <summary>Records a bypass.</summary>
    /// <param name="sender">The cache.</param>
    /// <param name="key">The key, when one was built.</param>
    /// <param name="tables">The query's tables, when known.</param>
    /// <param name="reason">Why.</param>
    public void Bypassed(object sender, CacheKey? key, IReadOnlyList<string> tables, ReadCacheBypassReason reason)
    {
        Interlocked.Increment(ref _bypasses[(int)reason]);
        _bypassCounter.Add(1, new KeyValuePair<string, object?>(ReadCacheDiagnostics.ReasonTag, reason.ToString()));
        if (Events.HasHandlers)
        {
            Events.Raise(sender, new ReadCacheEventArgs(ReadCacheEventKind.Bypass, key?.Id, tables, TimeSpan.Zero, bypassReason: reason));
        }
    }

    /// <summary>A snapshot of the counters combined with the store's.</summary>
    /// <param name="store">The store's counters.</param>
    /// <returns>The statistics.</returns>
    public ReadCacheStatistics Snapshot(StoreStatistics store)
    {
        var bypasses = new Dictionary<ReadCacheBypassReason, long>();
        for (var i = 1; i < ReasonCount; i++)
        {
            var count = Interlocked.Read(ref _bypasses[i]);
            if (count > 0)
            {
                bypasses[(ReadCacheBypassReason)i] = count;
            }
        }

        return new ReadCacheStatistics
        {
            Hits = Interlocked.Read(ref _hits),
            Misses = Interlocked.Read(ref _misses),
            Stores = Interlocked.Read(ref _stores),
            Entries = store.Entries,
            Bytes = store.Bytes,
            Evictions = Interlocked.Read(ref _evictions),
            Invalidations = Interlocked.Read(ref _invalidations),
            Bypasses = bypasses,
            CoalescedMisses = Interlocked.Read(ref _coalesced),
            TimeSaved = TimeSpan.FromTicks(Interlocked.Read(ref _savedTicks)),
        };
    }

    /// <summary>Sets every counter of this cache back to zero.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _hits, 0);
        Interlocked.Exchange(ref _misses, 0);
        Interlocked.Exchange(ref _stores, 0);
        Interlocked.Exchange(ref _evictions, 0);
        Interlocked.Exchange(ref _invalidations, 0);
        Interlocked.Exchange(ref _coalesced, 0);
        Interlocked.Exchange(ref _savedTicks, 0);
        for (var i = 0; i < _bypasses.Length; i++)
        {
            Interlocked.Exchange(ref _bypasses[i], 0);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
