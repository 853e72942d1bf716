using EfReadCache.Storage;

namespace EfReadCache.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>
///     Points where a test can hold a query, to force an interleaving deterministically instead of hoping a sleep
///     produces it. Unset in applications; the cost when unset is one null check per miss.
/// </remarks>
public sealed class ReadCacheTestHooks
{
    /// <summary>Runs on a miss after the snapshot is taken and before the query executes (the flight's leader only).</summary>
    public Func<CacheKey, CancellationToken, Task>? BeforeQuery { get; set; }

    /// <summary>Runs on a miss after the query's result is buffered and before it is stored.</summary>
    public Func<CacheKey, Task>? BeforeStore { get; set; }
}
