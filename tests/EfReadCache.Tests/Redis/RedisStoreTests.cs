using System.Data;
using EfReadCache.Redis;
using EfReadCache.Redis.Internal;
using EfReadCache.Storage;
using EfReadCache.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;
using static EfReadCache.Tests.Redis.RedisTestHelpers;

namespace EfReadCache.Tests.Redis;

/// <summary>The store's own promises on the shared server: entry format in Redis, leases, probe, configuration.</summary>
public sealed class RedisStoreTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    [Fact]
    public async Task An_entry_that_does_not_decode_is_a_miss_and_a_warning_never_an_exception()
    {
        var prefix = NewPrefix();
        using var a = CreateCache(fixture, RedisTestServer.Configuration, prefix, "a");
        var log = new ListLoggerProvider();
        using var b = CreateCache(fixture, RedisTestServer.Configuration, prefix, "b", log);
        var name = await NewBlogAsync(fixture);
        Assert.Equal(5, await ReadRatingAsync(fixture, a, name));

        using var admin = RedisTestServer.Connect();
        var keys = admin.GetServer(admin.GetEndPoints()[0]).Keys(pattern: "{" + prefix + "}:v1:e:*").ToArray();
        Assert.Single(keys);
        var database = admin.GetDatabase();
        var ttl = await database.KeyTimeToLiveAsync(keys[0]);
        Assert.True(ttl > TimeSpan.Zero && ttl <= a.Options.DefaultExpiration, "entries live in Redis with a TTL: " + ttl);
        var bytes = (byte[])(await database.StringGetAsync(keys[0]))!;
        bytes[^1] ^= 0xFF;
        await database.StringSetAsync(keys[0], bytes, ttl);

        Assert.Equal(5, await ReadRatingAsync(fixture, b, name));
        Assert.Equal(5, ReadRating(fixture, b, name));
        Assert.Contains(log.Warnings, w => w.Contains("does not decode", StringComparison.Ordinal) && w.Contains("checksum", StringComparison.Ordinal));
        Assert.Equal(0, b.GetStatistics().Bypasses.Values.Sum());
        Assert.True(b.GetStatistics().Evictions >= 1);
    }

    [Fact]
    public async Task A_write_replaces_tokens_without_touching_entries_and_a_crashed_writers_mark_lapses_with_its_lease()
    {
        var prefix = NewPrefix();
        using var a = CreateCache(fixture, RedisTestServer.Configuration, prefix, "a");
        using var b = CreateCache(fixture, RedisTestServer.Configuration, prefix, "b");
        var db = "lease-" + Guid.NewGuid().ToString("N");
        var tables = new TableSet(db, ["*", "orders"]);
        var key = new CacheKey(prefix, "test", db, "SELECT * FROM orders", [], CommandBehavior.Default);
        var miss = await StoreOf(b).LookupAsync(key, tables);
        Assert.NotNull(miss.Snapshot);

        // A begins a write and "crashes": no EndWrite. Its lease holds the table pending in every instance.
        var ticket = await StoreOf(a).BeginWriteAsync(new TableSet(db, ["orders"]), TimeSpan.FromMinutes(10));
        Assert.True((await StoreOf(b).LookupAsync(key, tables)).IsPending);
        Assert.True(StoreOf(b).Lookup(key, tables).IsPending);

        // Time passes on the server: the lease is in Redis's clock, so move the mark's expiry into the past.
        using var admin = RedisTestServer.Connect();
        var pendingKey = "{" + prefix + "}:v1:p:" + RedisKeys.DatabaseId(db) + ":orders";
        Assert.Equal(1, await admin.GetDatabase().SortedSetLengthAsync(pendingKey));
        await admin.GetDatabase().SortedSetAddAsync(pendingKey, ticket.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), 1);
        var after = await StoreOf(b).LookupAsync(key, tables);
        Assert.False(after.IsPending);
        Assert.NotEqual(miss.Snapshot![1], after.Snapshot![1]); // the write replaced the token
        Assert.Equal(miss.Snapshot[0], after.Snapshot[0]); // other tables keep theirs
    }

    [Fact]
    public async Task The_probe_answers_for_a_live_server_and_fails_for_a_dead_one()
    {
        await RedisTestServer.Factory().ProbeAsync();
        var dead = new RedisReadCacheStoreFactory(
            $"127.0.0.1:{RedisProcess.FreePort()}", new RedisReadCacheOptions { ConnectTimeout = TimeSpan.FromMilliseconds(500) });
        await Assert.ThrowsAnyAsync<Exception>(() => dead.ProbeAsync());
    }

    [Fact]
    public async Task UseRedis_configures_a_shared_cache_and_factories_compare_by_value()
    {
        var prefix = NewPrefix();
        var name = await NewBlogAsync(fixture);
        DbContextOptions<Model.TestContext> Options() => fixture.UseProvider(new DbContextOptionsBuilder<Model.TestContext>(), fixture.ConnectionString)
            .UseReadCache(o => o.KeyPrefix(prefix).UseRedis(RedisTestServer.Configuration, r => r.L1MaxEntries = 100))
            .Options as DbContextOptions<Model.TestContext> ?? throw new InvalidOperationException();
        for (var i = 0; i < 2; i++)
        {
            await using var context = new Model.TestContext(Options());
            Assert.Equal(5, await context.Blogs.Where(b => b.Name == name).Cacheable().Select(b => b.Rating).SingleAsync());
        }

        await using (var context = new Model.TestContext(Options()))
        {
            Assert.Equal(1, context.GetReadCache()!.GetStatistics().Hits); // both contexts shared one cache
        }

        var options = new RedisReadCacheOptions { KeyPrefix = "x" };
        Assert.Equal(new RedisReadCacheStoreFactory("localhost:1", options), new RedisReadCacheStoreFactory("localhost:1", options.Duplicate()));
        Assert.NotEqual(new RedisReadCacheStoreFactory("localhost:1", options), new RedisReadCacheStoreFactory("localhost:2", options));
        Assert.NotEqual(new RedisReadCacheStoreFactory("localhost:1", options), new RedisReadCacheStoreFactory("localhost:1"));
        Assert.Throws<ReadCacheConfigurationException>(() => new RedisReadCacheStoreFactory("localhost:1", new RedisReadCacheOptions { KeyPrefix = "bad prefix" }));
        Assert.Throws<ReadCacheConfigurationException>(() => new RedisReadCacheStoreFactory("localhost:1", new RedisReadCacheOptions { OperationTimeout = TimeSpan.Zero }));
    }

    [Fact]
    public async Task A_multiplexer_of_the_application_is_borrowed_and_left_open()
    {
        using var multiplexer = RedisTestServer.Connect();
        var name = await NewBlogAsync(fixture);
        var options = fixture.CreateCacheOptions();
        options.StoreFactory = new RedisReadCacheStoreFactory(multiplexer);
        Assert.Equal(new RedisReadCacheStoreFactory(multiplexer), options.StoreFactory);
        using (var cache = new ReadCache(options))
        {
            Assert.Equal(5, await ReadRatingAsync(fixture, cache, name));
            Assert.Equal(5, ReadRating(fixture, cache, name));
            Assert.Equal(1, cache.GetStatistics().Hits);
        }

        Assert.True(multiplexer.IsConnected);
        Assert.True(await multiplexer.GetDatabase().PingAsync() >= TimeSpan.Zero);
    }

    [Fact]
    public async Task Thirty_two_pool_threads_in_synchronous_store_calls_never_time_out()
    {
        // The failure this guards against, measured with StackExchange.Redis 1.2.6 synchronous calls in place of the
        // store's blocking connections: RedisTimeoutException within seconds, the store degraded.
        var prefix = NewPrefix();
        using var cache = CreateCache(fixture, RedisTestServer.Configuration, prefix, "sync-store", configure: o => o.OperationTimeout = TimeSpan.FromSeconds(1));
        var store = StoreOf(cache);
        var database = "sync-" + Guid.NewGuid().ToString("N");
        var tables = new TableSet(database, ["*", "t"]);
        var tasks = Enumerable.Range(0, 32).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 50; i++)
            {
                var key = new CacheKey(prefix, "test", database, "q" + (i % 5), [], CommandBehavior.Default);
                var lookup = store.Lookup(key, tables);
                Assert.True(lookup.IsHit || lookup.IsPending || lookup.Snapshot is { Length: 2 });
                if (i % 10 == worker % 10)
                {
                    store.EndWrite(store.BeginWrite(new TableSet(database, ["t"]), TimeSpan.FromMinutes(1)));
                }
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        Assert.True(store.IsAvailable);
        Assert.Equal(0, store.WritesWhileUnavailable);
    }
}
