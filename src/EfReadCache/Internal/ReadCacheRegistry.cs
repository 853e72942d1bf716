using System.Collections.Concurrent;

namespace EfReadCache.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>One cache per distinct configuration, for the life of the process, as EF does with its internal service providers.</remarks>
public static class ReadCacheRegistry
{
    private static readonly ConcurrentDictionary<ReadCacheOptions, Lazy<ReadCache>> Caches = new();

    /// <summary>Returns the process-wide cache for options equal to these, creating it on first use.</summary>
    /// <param name="options">The options; validated before use.</param>
    /// <returns>The shared cache.</returns>
    public static ReadCache GetOrCreate(ReadCacheOptions options)
    {
        options.Validate();
        var snapshot = options.Duplicate();
        return Caches.GetOrAdd(snapshot, o => new Lazy<ReadCache>(() => new ReadCache(o))).Value;
    }
}
