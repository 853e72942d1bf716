using EfReadCache;
using EfReadCache.Infrastructure;
using EfReadCache.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Adds EfReadCache to a context's options.</summary>
public static class ReadCacheDbContextOptionsBuilderExtensions
{
    /// <summary>
    ///     Turns on the read cache. Queries marked <c>Cacheable()</c> (or matched by <c>CacheAllQueries</c>) are answered
    ///     from the cache; every write evicts what depends on the tables it touched. Contexts configured with equal
    ///     options share one cache.
    /// </summary>
    /// <param name="optionsBuilder">The context's options builder; a relational provider must be configured too.</param>
    /// <param name="configure">Optional configuration of the cache.</param>
    /// <returns>The same builder instance so that multiple calls can be chained.</returns>
    /// <exception cref="ReadCacheConfigurationException">An option is invalid.</exception>
    public static DbContextOptionsBuilder UseReadCache(this DbContextOptionsBuilder optionsBuilder, Action<ReadCacheDbContextOptionsBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        var options = new ReadCacheOptions();
        configure?.Invoke(new ReadCacheDbContextOptionsBuilder(options));
        return optionsBuilder.UseReadCache(ReadCacheRegistry.GetOrCreate(options));
    }

    /// <summary>Turns on the read cache with a cache instance of your own (for example one registered with <c>AddEfReadCache</c>).</summary>
    /// <param name="optionsBuilder">The context's options builder.</param>
    /// <param name="cache">The cache to use.</param>
    /// <returns>The same builder instance so that multiple calls can be chained.</returns>
    public static DbContextOptionsBuilder UseReadCache(this DbContextOptionsBuilder optionsBuilder, ReadCache cache)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        ArgumentNullException.ThrowIfNull(cache);
        ((IDbContextOptionsBuilderInfrastructure)optionsBuilder).AddOrUpdateExtension(new ReadCacheOptionsExtension(cache));
        return optionsBuilder;
    }

    /// <summary>Turns on the read cache. See <see cref="UseReadCache(DbContextOptionsBuilder, Action{ReadCacheDbContextOptionsBuilder}?)" />.</summary>
    /// <typeparam name="TContext">The context type.</typeparam>
    /// <param name="optionsBuilder">The context's options builder.</param>
    /// <param name="configure">Optional configuration of the cache.</param>
    /// <returns>The same builder instance so that multiple calls can be chained.</returns>
    public static DbContextOptionsBuilder<TContext> UseReadCache<TContext>(
        this DbContextOptionsBuilder<TContext> optionsBuilder, Action<ReadCacheDbContextOptionsBuilder>? configure = null)
        where TContext : DbContext
        => (DbContextOptionsBuilder<TContext>)((DbContextOptionsBuilder)optionsBuilder).UseReadCache(configure);

    /// <summary>Turns on the read cache with a cache instance of your own.</summary>
    /// <typeparam name="TContext">The context type.</typeparam>
    /// <param name="optionsBuilder">The context's options builder.</param>
    /// <param name="cache">The cache to use.</param>
    /// <returns>The same builder instance so that multiple calls can be chained.</returns>
    public static DbContextOptionsBuilder<TContext> UseReadCache<TContext>(this DbContextOptionsBuilder<TContext> optionsBuilder, ReadCache cache)
        where TContext : DbContext
        => (DbContextOptionsBuilder<TContext>)((DbContextOptionsBuilder)optionsBuilder).UseReadCache(cache);
}
