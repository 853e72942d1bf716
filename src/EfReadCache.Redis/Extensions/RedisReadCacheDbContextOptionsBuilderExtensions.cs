using EfReadCache.Infrastructure;
using EfReadCache.Redis;
using StackExchange.Redis;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Adds the Redis store to <c>UseReadCache(o =&gt; ...)</c>.</summary>
public static class RedisReadCacheDbContextOptionsBuilderExtensions
{
    /// <summary>
    ///     Keeps the cache in Redis, shared by every instance of the application: entries and table tokens live in
    ///     Redis, an in-process L1 sits in front, and a write on any instance stops every instance serving what it
    ///     changed. When Redis cannot be reached, queries go to the database and no error reaches the caller.
    /// </summary>
    /// <param name="builder">The cache's options builder.</param>
    /// <param name="configuration">A StackExchange.Redis configuration string, for example <c>localhost:6379,password=secret</c>.</param>
    /// <param name="configure">Optional configuration of the store.</param>
    /// <returns>The same builder instance so that multiple calls can be chained.</returns>
    public static ReadCacheDbContextOptionsBuilder UseRedis(
        this ReadCacheDbContextOptionsBuilder builder, string configuration, Action<RedisReadCacheOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseStore(new RedisReadCacheStoreFactory(configuration, Configure(configure)));
    }

    /// <summary>
    ///     Keeps the cache in Redis over a multiplexer the application owns. Configurations share a cache only when
    ///     they pass the same multiplexer instance.
    /// </summary>
    /// <param name="builder">The cache's options builder.</param>
    /// <param name="multiplexer">The application's connection; it is not disposed by the cache.</param>
    /// <param name="configure">Optional configuration of the store.</param>
    /// <returns>The same builder instance so that multiple calls can be chained.</returns>
    public static ReadCacheDbContextOptionsBuilder UseRedis(
        this ReadCacheDbContextOptionsBuilder builder, ConnectionMultiplexer multiplexer, Action<RedisReadCacheOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseStore(new RedisReadCacheStoreFactory(multiplexer, Configure(configure)));
    }

    private static RedisReadCacheOptions Configure(Action<RedisReadCacheOptions>? configure)
    {
        var options = new RedisReadCacheOptions();
        configure?.Invoke(options);
        return options;
    }
}
