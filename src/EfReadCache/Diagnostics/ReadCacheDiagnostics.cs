namespace EfReadCache.Diagnostics;

/// <summary>The names under which EfReadCache publishes metrics and traces, for OpenTelemetry configuration.</summary>
public static class ReadCacheDiagnostics
{
    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter" /> and of the <see cref="System.Diagnostics.ActivitySource" />.</summary>
    public const string Name = "EfReadCache";

    /// <summary>Counter of hits.</summary>
    public const string HitsInstrument = "efreadcache.hits";

    /// <summary>Counter of misses.</summary>
    public const string MissesInstrument = "efreadcache.misses";

    /// <summary>Counter of stored results.</summary>
    public const string StoresInstrument = "efreadcache.stores";

    /// <summary>Counter of evicted entries, tagged <c>efreadcache.reason</c>.</summary>
    public const string EvictionsInstrument = "efreadcache.evictions";

    /// <summary>Counter of table invalidations.</summary>
    public const string InvalidationsInstrument = "efreadcache.invalidations";

    /// <summary>Counter of bypasses, tagged <c>efreadcache.reason</c>.</summary>
    public const string BypassesInstrument = "efreadcache.bypasses";

    /// <summary>Histogram of lookup durations in seconds, tagged <c>efreadcache.result</c> (hit or miss).</summary>
    public const string LookupDurationInstrument = "efreadcache.lookup.duration";

    /// <summary>The Meter tag that names the cache (its key prefix).</summary>
    public const string CacheTag = "efreadcache.cache";

    /// <summary>The tag that carries a reason.</summary>
    public const string ReasonTag = "efreadcache.reason";

    /// <summary>The tag that carries a lookup's result.</summary>
    public const string ResultTag = "efreadcache.result";
}
