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

        var keys = RedisTestServer.Keys("{" + prefix + "}:v1:e:*");
        Assert.Single(keys);
        using var admin = await RedisTestServer.ConnectAsync();
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
        using var admin = await RedisTestServer.ConnectAsync();
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
        using var multiplexer = await RedisTestServer.ConnectAsync();
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
    public void Synchronous_store_calls_complete_while_every_pool_thread_is_blocked()
    {
        // StackExchange.Redis 1.x completes replies on the thread pool, so its synchronous calls hang (then time out)
        // when every pool thread is busy in synchronous work: the failure of many parallel synchronous EF queries.
        // The store's synchronous members must not need a pool thread at all. Measured: with SE.Redis synchronous
        // calls in place of the store's blocking connections, this test times out.
        var prefix = NewPrefix();
        using var cache = CreateCache(fixture, RedisTestServer.Configuration, prefix, "pool-blocked", configure: o => o.OperationTimeout = TimeSpan.FromSeconds(10));
        var store = StoreOf(cache);
        var database = "blocked-" + Guid.NewGuid().ToString("N");
        var tables = new TableSet(database, ["*", "t"]);
        var key = new CacheKey(prefix, "test", database, "q", [], CommandBehavior.Default);
        Assert.NotNull(store.Lookup(key, tables).Snapshot); // connections are open before the pool is blocked

        var done = false;
        var failure = RunWhileThePoolIsBlocked(() =>
        {
            for (var i = 0; i < 32; i++)
            {
                var lookup = store.Lookup(key, tables);
                Assert.True(lookup.IsHit || lookup.Snapshot is { Length: 2 });
                store.EndWrite(store.BeginWrite(new TableSet(database, ["t"]), TimeSpan.FromMinutes(1)));
            }

            done = true;
        });

        Assert.Null(failure);
        Assert.True(done);
        Assert.True(store.IsAvailable);
    }
}
