using EfReadCache.Diagnostics;
using EfReadCache.Redis;
using EfReadCache.Redis.Internal;
using EfReadCache.Tests.Infrastructure;
using EfReadCache.Tests.Model;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Tests.Redis;

/// <summary>Small steps the Redis tests share: caches on a given server, a blog to fight over, its rating read and written.</summary>
public static class RedisTestHelpers
{
    public static RedisReadCacheStore StoreOf(ReadCache cache) => (RedisReadCacheStore)cache.Store;

    /// <summary>A cache on <paramref name="configuration" /> under <paramref name="prefix" />; a client name keeps its multiplexer its own.</summary>
    public static ReadCache CreateCache(
        DatabaseFixture fixture, string configuration, string prefix, string instance, ListLoggerProvider? log = null,
        Action<RedisReadCacheOptions>? configure = null)
    {
        var options = fixture.CreateCacheOptions();
        options.KeyPrefix = prefix;
        var redis = new RedisReadCacheOptions { ConnectTimeout = TimeSpan.FromSeconds(2), OperationTimeout = TimeSpan.FromSeconds(2) };
        configure?.Invoke(redis);
        options.StoreFactory = new RedisReadCacheStoreFactory(configuration + ",name=" + instance, redis);
        return new ReadCache(options, log);
    }

    public static string NewPrefix() => "rt" + Guid.NewGuid().ToString("N")[..12];

    public static async Task<string> NewBlogAsync(DatabaseFixture fixture, int rating = 5)
    {
        var name = "redis " + Guid.NewGuid().ToString("N")[..10];
        await using var context = fixture.CreateContext(null);
        context.Blogs.Add(new Blog { Name = name, Rating = rating });
        await context.SaveChangesAsync();
        return name;
    }

    public static async Task<int> ReadRatingAsync(DatabaseFixture fixture, ReadCache cache, string name)
    {
        await using var context = fixture.CreateContext(cache);
        return await context.Blogs.Where(b => b.Name == name).Cacheable().Select(b => b.Rating).SingleAsync();
    }

    public static int ReadRating(DatabaseFixture fixture, ReadCache cache, string name)
    {
        using var context = fixture.CreateContext(cache);
        return context.Blogs.Where(b => b.Name == name).Cacheable().Select(b => b.Rating).Single();
    }

    public static async Task SetRatingAsync(DatabaseFixture fixture, ReadCache cache, string name, int rating)
    {
        await using var context = fixture.CreateContext(cache);
        (await context.Blogs.SingleAsync(b => b.Name == name)).Rating = rating;
        await context.SaveChangesAsync();
    }

    public static long Bypasses(ReadCache cache, ReadCacheBypassReason reason)
        => cache.GetStatistics().Bypasses.TryGetValue(reason, out var count) ? count : 0;

    public static async Task AvailableAsync(ReadCache cache)
        => await StoreOf(cache).WhenAvailable.WaitAsync(TimeSpan.FromSeconds(60));

    /// <summary>
    ///     Runs <paramref name="work" /> on a dedicated thread while every thread-pool thread is blocked (and more blocked
    ///     work is queued), then frees the pool. Asserts the work finished within a minute; returns what it threw.
    /// </summary>
    public static Exception? RunWhileThePoolIsBlocked(Action work)
    {
        var gate = new ManualResetEventSlim(); // not disposed: queued items still read it after the test
        Exception? failure = null;
        try
        {
            for (var i = 0; i < 256; i++)
            {
                ThreadPool.UnsafeQueueUserWorkItem(_ => gate.Wait(), null);
            }

            var worker = new Thread(() =>
            {
                try
                {
                    work();
                }
                catch (Exception exception)
                {
                    failure = exception;
                }
            });
            worker.Start();
            Assert.True(worker.Join(TimeSpan.FromSeconds(60)), "a synchronous call waited for a thread-pool thread");
        }
        finally
        {
            gate.Set();
        }

        return failure;
    }
}
