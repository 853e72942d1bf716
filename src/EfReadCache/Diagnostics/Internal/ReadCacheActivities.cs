using System.Diagnostics;
using EfReadCache.Storage;

namespace EfReadCache.Diagnostics.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>
///     Traces of the work worth seeing in a distributed trace: a miss that runs a query, and a write that invalidates
///     tables. Hits are not traced (they are counted); without a listener nothing is allocated.
/// </remarks>
public static class ReadCacheActivities
{
    /// <summary>Starts the trace of a miss, when someone listens.</summary>
    /// <param name="key">The key (its id is recorded, never the SQL).</param>
    /// <param name="tables">The query's tables.</param>
    /// <returns>The activity, or <see langword="null" />.</returns>
    public static Activity? StartMiss(CacheKey key, TableSet tables)
    {
        var activity = ReadCacheInsights.ActivitySource.StartActivity("efreadcache.miss", ActivityKind.Internal);
        activity?.SetTag("efreadcache.key", key.Id);
        activity?.SetTag("efreadcache.tables", tables.ToString());
        return activity;
    }

    /// <summary>Starts the trace of an invalidation, when someone listens.</summary>
    /// <param name="tables">The tables.</param>
    /// <returns>The activity, or <see langword="null" />.</returns>
    public static Activity? StartInvalidate(TableSet tables)
    {
        var activity = ReadCacheInsights.ActivitySource.StartActivity("efreadcache.invalidate", ActivityKind.Internal);
        activity?.SetTag("efreadcache.tables", tables.ToString());
        return activity;
    }
}
