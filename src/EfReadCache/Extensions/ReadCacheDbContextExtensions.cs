using EfReadCache;
using EfReadCache.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Reaches a context's <see cref="ReadCache" />: statistics, events and manual invalidation.</summary>
public static class ReadCacheDbContextExtensions
{
    /// <summary>The cache this context was configured with, or <see langword="null" /> if it has none.</summary>
    /// <param name="context">The context.</param>
    /// <returns>The shared cache instance, or <see langword="null" />.</returns>
    public static ReadCache? GetReadCache(this DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GetService<IDbContextOptions>().FindExtension<ReadCacheOptionsExtension>()?.Cache;
    }

    /// <summary>
    ///     Invalidates every cached result that depends on any of these tables in this context's database. Does nothing
    ///     when the context has no cache.
    /// </summary>
    /// <param name="context">The context whose database the tables belong to.</param>
    /// <param name="tables">Table names, optionally schema-qualified; case does not matter.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the entries can no longer be served.</returns>
    public static Task InvalidateReadCacheAsync(this DbContext context, IEnumerable<string> tables, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var cache = context.GetReadCache();
        return cache is null ? Task.CompletedTask : cache.InvalidateAsync(context, tables, cancellationToken);
    }

    /// <summary>Invalidates every cached result of this context's cache, for every database. Does nothing without a cache.</summary>
    /// <param name="context">The context.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when nothing cached before the call can be served.</returns>
    public static Task InvalidateAllReadCacheAsync(this DbContext context, CancellationToken cancellationToken = default)
    {
        var cache = context.GetReadCache();
        return cache is null ? Task.CompletedTask : cache.InvalidateAllAsync(cancellationToken);
    }
}
