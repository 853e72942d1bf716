using EfReadCache.Internal;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Marks LINQ queries for EfReadCache.</summary>
/// <remarks>
///     The marks travel as EF query tags, so they work wherever <c>TagWith</c> works: LINQ, <c>FromSql</c>,
///     <c>Database.SqlQuery</c>, tracking and no-tracking, sync and async, scalars (<c>Count</c>, <c>Any</c>,
///     <c>Sum</c>) and split queries. On a query that EF Core does not translate they do nothing.
/// </remarks>
public static class ReadCacheQueryableExtensions
{
    /// <summary>Answers this query from the cache when it can, for the cache's default expiration.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="source">The query.</param>
    /// <returns>The marked query.</returns>
    public static IQueryable<T> Cacheable<T>(this IQueryable<T> source)
        => source.TagWith(QueryMark.CacheableTag);

    /// <summary>Answers this query from the cache when it can, keeping the result for <paramref name="timeToLive" />.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="source">The query.</param>
    /// <param name="timeToLive">How long the result lives; greater than zero, at most 365 days.</param>
    /// <returns>The marked query.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeToLive" /> is not in range.</exception>
    public static IQueryable<T> Cacheable<T>(this IQueryable<T> source, TimeSpan timeToLive)
    {
        if (timeToLive <= TimeSpan.Zero || timeToLive > TimeSpan.FromDays(365))
        {
            throw new ArgumentOutOfRangeException(
                nameof(timeToLive), timeToLive, "Cacheable(timeToLive) needs a time to live greater than zero and at most 365 days.");
        }

        return source.TagWith(QueryMark.CacheableTagFor(timeToLive));
    }

    /// <summary>Never answers this query from the cache, even when <c>CacheAllQueries</c> would.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="source">The query.</param>
    /// <returns>The marked query.</returns>
    public static IQueryable<T> NotCacheable<T>(this IQueryable<T> source)
        => source.TagWith(QueryMark.NotCacheableTag);

    /// <summary>
    ///     Names the tables a cached query depends on when EfReadCache cannot see them in its SQL (a table-valued
    ///     function, a view the model does not describe). A write to any of them evicts the result.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="source">The query.</param>
    /// <param name="tables">Table names; schema and case are ignored.</param>
    /// <returns>The marked query.</returns>
    public static IQueryable<T> CacheDependsOn<T>(this IQueryable<T> source, params string[] tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        if (tables.Length == 0 || tables.Any(t => string.IsNullOrWhiteSpace(t) || t.Contains(',')))
        {
            throw new ArgumentException("CacheDependsOn needs at least one table name, none empty and none containing ','.", nameof(tables));
        }

        return source.TagWith(QueryMark.DependsOnTag + string.Join(",", tables));
    }
}
