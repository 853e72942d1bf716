using EfReadCache.Diagnostics;
using EfReadCache.Tests.Infrastructure;
using static EfReadCache.Tests.Redis.RedisTestHelpers;

namespace EfReadCache.Tests.Redis;

/// <summary>
///     Redis fails while the application runs: on a private redis-server that the tests kill, restart and flush. Every
///     query must succeed (fail-open), bypasses must be counted, and nothing stale may be served afterwards.
/// </summary>
public sealed class RedisFaultTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    [Fact]
    public async Task Redis_lost_mid_run_fails_open_and_after_restart_serves_nothing_stale()
    {
        using var server = RedisProcess.Started();
        var prefix = NewPrefix();
        var log = new ListLoggerProvider();
        using var a = CreateCache(fixture, server.Configuration, prefix, "a", log);
        using var b = CreateCache(fixture, server.Configuration, prefix, "b");
        var name = await NewBlogAsync(fixture);
        foreach (var cache in new[] { a, b })
        {
            Assert.Equal(5, await ReadRatingAsync(fixture, cache, name));
            Assert.Equal(5, ReadRating(fixture, cache, name));
            Assert.True(cache.GetStatistics().Hits >= 1, cache.GetStatistics().ToString());
        }

        server.Kill();

        // Down: reads and writes (async and sync) all succeed against the database.
        Assert.Equal(5, await ReadRatingAsync(fixture, a, name));
        Assert.Equal(5, ReadRating(fixture, a, name));
        await SetRatingAsync(fixture, a, name, 6);
        Assert.Equal(6, await ReadRatingAsync(fixture, a, name));
        Assert.Equal(6, ReadRating(fixture, a, name));
        Assert.True(Bypasses(a, ReadCacheBypassReason.StoreUnavailable) >= 4, a.GetStatistics().ToString());
        Assert.True(StoreOf(a).WritesWhileUnavailable >= 1);
        Assert.False(StoreOf(a).IsAvailable);
        Assert.Contains(log.Warnings, w => w.Contains("lost Redis", StringComparison.Ordinal));

        server.Start();
        await AvailableAsync(a);
        await AvailableAsync(b);

        // B held rating 5 in its L1 before the outage; neither instance may serve it now.
        Assert.Equal(6, await ReadRatingAsync(fixture, b, name));
        Assert.Equal(6, ReadRating(fixture, a, name));
        var hits = a.GetStatistics().Hits;
        Assert.Equal(6, await ReadRatingAsync(fixture, a, name));
        Assert.Equal(hits + 1, a.GetStatistics().Hits); // caching resumed
    }

    [Fact]
    public async Task Redis_unreachable_at_startup_fails_open_and_caching_resumes_when_it_comes_up()
    {
        using var server = RedisProcess.NotStarted();
        using var cache = CreateCache(fixture, server.Configuration, NewPrefix(), "startup");
        var name = await NewBlogAsync(fixture, rating: 3);
        Assert.Equal(3, await ReadRatingAsync(fixture, cache, name));
        Assert.Equal(3, ReadRating(fixture, cache, name));
        Assert.Equal(0, cache.GetStatistics().Hits);
        Assert.Equal(2, Bypasses(cache, ReadCacheBypassReason.StoreUnavailable));

        server.Start();
        await AvailableAsync(cache);
        Assert.Equal(3, await ReadRatingAsync(fixture, cache, name));
        Assert.Equal(3, ReadRating(fixture, cache, name));
        Assert.Equal(1, cache.GetStatistics().Hits);
    }

    [Fact]
    public async Task A_flushed_or_restarted_Redis_never_makes_an_old_L1_entry_valid_again()
    {
        using var server = RedisProcess.Started();
        var prefix = NewPrefix();
        using var a = CreateCache(fixture, server.Configuration, prefix, "a");
        using var b = CreateCache(fixture, server.Configuration, prefix, "b");
        var name = await NewBlogAsync(fixture);
        Assert.Equal(5, await ReadRatingAsync(fixture, a, name)); // A's L1 now holds 5 with the token of that moment

        // The token moves (a write through B), then Redis forgets everything. With counter tokens the table's token
        // could come back to the value A's entry carries; with random tokens it cannot.
        await SetRatingAsync(fixture, b, name, 7);
        using (var admin = await RedisTestServer.ConnectAsync(server.Configuration))
        {
            await admin.GetServer(admin.GetEndPoints()[0]).FlushAllDatabasesAsync();
        }

        Assert.Equal(7, await ReadRatingAsync(fixture, a, name));
        Assert.Equal(7, ReadRating(fixture, a, name));

        // Same after a restart: write, kill, restart, read.
        await SetRatingAsync(fixture, b, name, 8);
        Assert.Equal(8, await ReadRatingAsync(fixture, a, name));
        await SetRatingAsync(fixture, b, name, 9);
        server.Kill();
        server.Start();
        Assert.Equal(9, await ReadRatingAsync(fixture, a, name));
        await AvailableAsync(a);
        Assert.Equal(9, await ReadRatingAsync(fixture, a, name));
        Assert.Equal(9, ReadRating(fixture, a, name));
    }

    [Fact]
    public async Task A_Redis_restored_from_disk_cannot_bring_back_old_tokens_with_old_entries()
    {
        using var server = RedisProcess.StartedWithPersistence();
        var prefix = NewPrefix();
        var name = await NewBlogAsync(fixture);
        using (var a = CreateCache(fixture, server.Configuration, prefix, "a"))
        {
            Assert.Equal(5, await ReadRatingAsync(fixture, a, name)); // entry and tokens in Redis
            Assert.Equal("OK", RedisTestServer.Execute(server.Configuration, "SAVE"));

            await SetRatingAsync(fixture, a, name, 6); // tokens move after the snapshot
        }

        // The restart loads the snapshot: the tokens the entry carries are current again, as far as Redis knows.
        server.Kill();
        server.Start();
        using var log = new ListLoggerProvider();
        using var c = CreateCache(fixture, server.Configuration, prefix, "c", log);
        await AvailableAsync(c);
        Assert.Equal(6, await ReadRatingAsync(fixture, c, name));
        Assert.Equal(6, ReadRating(fixture, c, name));
        Assert.Contains(log.Warnings, w => w.Contains("restored from another run", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_hung_Redis_times_out_fails_open_and_a_writes_mark_is_released_on_recovery()
    {
        using var server = RedisProcess.Started();
        var prefix = NewPrefix();
        using var a = CreateCache(fixture, server.Configuration, prefix, "a", configure: o => o.OperationTimeout = TimeSpan.FromMilliseconds(300));
        using var b = CreateCache(fixture, server.Configuration, prefix, "b");
        var name = await NewBlogAsync(fixture);
        Assert.Equal(5, await ReadRatingAsync(fixture, a, name));
        var db = "hung-" + Guid.NewGuid().ToString("N");
        var orders = new Storage.TableSet(db, ["orders"]);
        var ticket = await StoreOf(a).BeginWriteAsync(orders, TimeSpan.FromMinutes(10));

        server.Pause();
        try
        {
            // Every call is bounded: the query times out on Redis and the database answers.
            Assert.Equal(5, await ReadRatingAsync(fixture, a, name));
            Assert.Equal(5, ReadRating(fixture, a, name));
            Assert.True(Bypasses(a, ReadCacheBypassReason.StoreUnavailable) >= 2, a.GetStatistics().ToString());
            await StoreOf(a).EndWriteAsync(ticket); // cannot reach Redis: remembered, never thrown
        }
        finally
        {
            server.Resume();
        }

        // The multiplexers may report the freeze late (their heartbeats time out), so each check waits for availability
        // and tries again if the store turned unavailable in between.
        var key = new Storage.CacheKey(prefix, "test", db, "SELECT * FROM orders", [], System.Data.CommandBehavior.Default);
        var lookup = await WhenAvailableAsync(a, () => StoreOf(a).LookupAsync(key, new Storage.TableSet(db, ["*", "orders"])).AsTask());
        Assert.False(lookup.IsPending); // released on recovery, not left to the 10-minute lease
        var hits = await WhenAvailableAsync(a, async () =>
        {
            var before = a.GetStatistics().Hits;
            Assert.Equal(5, await ReadRatingAsync(fixture, a, name));
            Assert.Equal(5, await ReadRatingAsync(fixture, a, name));
            return a.GetStatistics().Hits - before;
        }, accept: h => h >= 1);
        Assert.True(hits >= 1);
    }

    private static async Task<T> WhenAvailableAsync<T>(ReadCache cache, Func<Task<T>> action, Func<T, bool>? accept = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            await AvailableAsync(cache);
            try
            {
                var result = await action();
                if (accept is null || accept(result) || attempt >= 20)
                {
                    return result;
                }
            }
            catch (EfReadCache.Redis.Internal.RedisStoreUnavailableException) when (attempt < 20)
            {
            }
        }
    }
}
