using EfReadCache.Diagnostics;
using EfReadCache.Tests.Infrastructure;
using EfReadCache.Tests.Model;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Tests.Specification;

/// <summary>Which queries are cached: marks, the cache-all policy, unknown dependencies, views, TTL.</summary>
public abstract class PolicyTests<TFixture>(TFixture fixture)
    where TFixture : DatabaseFixture
{
    protected TFixture Fixture { get; } = fixture;

    private async Task<long> HitsAfterTwoRunsAsync(ReadCache cache, Func<TestContext, Task> query)
    {
        var before = cache.GetStatistics().Hits;
        for (var i = 0; i < 2; i++)
        {
            await using var context = Fixture.CreateContext(cache);
            await query(context);
        }

        return cache.GetStatistics().Hits - before;
    }

    [Fact]
    public async Task Unmarked_queries_are_not_cached_by_default()
    {
        using var cache = Fixture.CreateCache();
        Assert.Equal(0, await HitsAfterTwoRunsAsync(cache, c => c.Blogs.ToListAsync()));
        Assert.Equal(0, cache.GetStatistics().Misses);
    }

    [Fact]
    public async Task Cache_all_queries_honors_include_exclude_and_NotCacheable()
    {
        using var all = Fixture.CreateCache(o => o.CacheAllQueries = true);
        Assert.Equal(1, await HitsAfterTwoRunsAsync(all, c => c.Blogs.ToListAsync()));
        Assert.Equal(0, await HitsAfterTwoRunsAsync(all, c => c.Blogs.NotCacheable().ToListAsync()));

        using var included = Fixture.CreateCache(o =>
        {
            o.CacheAllQueries = true;
            o.IncludedTables.Add("Blogs");
        });
        Assert.Equal(1, await HitsAfterTwoRunsAsync(included, c => c.Blogs.ToListAsync()));
        Assert.Equal(0, await HitsAfterTwoRunsAsync(included, c => c.Tags.ToListAsync()));
        Assert.Equal(0, await HitsAfterTwoRunsAsync(included, c => c.Posts.Include(p => p.Blog).ToListAsync()));
        Assert.Equal(1, await HitsAfterTwoRunsAsync(included, c => c.Tags.Cacheable().ToListAsync())); // an explicit mark wins

        using var excluded = Fixture.CreateCache(o =>
        {
            o.CacheAllQueries = true;
            o.ExcludedTables.Add("posts");
        });
        Assert.Equal(1, await HitsAfterTwoRunsAsync(excluded, c => c.Blogs.ToListAsync()));
        Assert.Equal(0, await HitsAfterTwoRunsAsync(excluded, c => c.Blogs.Where(b => b.Posts.Any()).ToListAsync()));
    }

    [Fact]
    public async Task A_query_whose_dependencies_are_unknown_bypasses_unless_it_names_them()
    {
        using var cache = Fixture.CreateCache();
        var events = new EventRecorder(cache);
        // Built-in set-returning functions (json_each, generate_series, ...) read no table and are cached; a user
        // function or a pragma may read anything.
        string sql;
        if (Fixture.IsPostgres)
        {
            await Fixture.ExecuteRawAsync(
                "CREATE OR REPLACE FUNCTION efrc_tag_names() RETURNS TABLE(\"Value\" text) AS $$ SELECT \"Name\" FROM \"Tags\" $$ LANGUAGE sql STABLE");
            sql = "SELECT \"Value\" FROM efrc_tag_names()";
        }
        else
        {
            sql = "SELECT name AS \"Value\" FROM pragma_table_info('Tags')";
        }

        Assert.Equal(0, await HitsAfterTwoRunsAsync(cache, c => c.Database.SqlQueryRaw<string>(sql).Cacheable().ToListAsync()));
        Assert.Equal(2, events.Count(ReadCacheBypassReason.UnknownDependencies));

        Assert.Equal(1, await HitsAfterTwoRunsAsync(cache, c => c.Database.SqlQueryRaw<string>(sql).Cacheable().CacheDependsOn("Tags").ToListAsync()));
        await using (var writer = Fixture.CreateContext(cache))
        {
            writer.Tags.Add(new Tag { Name = "dep " + Guid.NewGuid().ToString("N")[..6] });
            await writer.SaveChangesAsync();
        }

        var misses = cache.GetStatistics().Misses;
        await using (var reader = Fixture.CreateContext(cache))
        {
            await reader.Database.SqlQueryRaw<string>(sql).Cacheable().CacheDependsOn("Tags").ToListAsync();
        }

        Assert.Equal(misses + 1, cache.GetStatistics().Misses); // the named dependency was invalidated
    }

    [Fact]
    public async Task A_view_with_declared_dependencies_is_cached_and_evicted_by_writes_to_its_tables()
    {
        using var cache = Fixture.CreateCache();
        var name = "view " + Guid.NewGuid().ToString("N")[..8];
        await using (var seed = Fixture.CreateContext(null))
        {
            seed.Blogs.Add(new Blog { Name = name });
            await seed.SaveChangesAsync();
        }

        async Task<long> PostCount()
        {
            await using var context = Fixture.CreateContext(cache);
            return await context.BlogSummaries.Where(s => s.Name == name).Cacheable().Select(s => s.PostCount).SingleAsync();
        }

        Assert.Equal(0, await PostCount());
        Assert.Equal(0, await PostCount());
        Assert.Equal(1, cache.GetStatistics().Hits);
        await using (var writer = Fixture.CreateContext(cache))
        {
            var blog = await writer.Blogs.SingleAsync(b => b.Name == name);
            writer.Posts.Add(new Post { BlogId = blog.Id, Title = "p", PublishedAt = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
            await writer.SaveChangesAsync();
        }

        Assert.Equal(1, await PostCount());
    }

    [Fact]
    public async Task Entries_expire_after_their_time_to_live_absolute_and_sliding()
    {
        var clock = new FakeTimeProvider();
        using var cache = Fixture.CreateCache(o =>
        {
            o.TimeProvider = clock;
            o.DefaultExpiration = TimeSpan.FromMinutes(10);
        });
        Func<TestContext, Task> shortLived = c => c.Tags.Cacheable(TimeSpan.FromMinutes(1)).ToListAsync();
        Func<TestContext, Task> defaultLived = c => c.Blogs.Cacheable().ToListAsync();
        Assert.Equal(1, await HitsAfterTwoRunsAsync(cache, shortLived));
        Assert.Equal(1, await HitsAfterTwoRunsAsync(cache, defaultLived));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await HitsAfterTwoRunsAsync(cache, shortLived)); // expired: one miss, then a hit
        Assert.Equal(2, await HitsAfterTwoRunsAsync(cache, defaultLived)); // still alive
        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(1, await HitsAfterTwoRunsAsync(cache, defaultLived));

        var slidingClock = new FakeTimeProvider();
        using var sliding = Fixture.CreateCache(o =>
        {
            o.TimeProvider = slidingClock;
            o.DefaultExpiration = TimeSpan.FromMinutes(5);
            o.SlidingExpiration = true;
        });
        Assert.Equal(1, await HitsAfterTwoRunsAsync(sliding, defaultLived));
        for (var i = 0; i < 3; i++)
        {
            slidingClock.Advance(TimeSpan.FromMinutes(4)); // each hit extends the life by five minutes
            Assert.Equal(2, await HitsAfterTwoRunsAsync(sliding, defaultLived));
        }

        slidingClock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, await HitsAfterTwoRunsAsync(sliding, defaultLived));
    }

    [Fact]
    public async Task Results_over_the_row_limit_are_returned_but_not_stored()
    {
        using var cache = Fixture.CreateCache(o => o.MaxRowsPerResult = 3);
        var events = new EventRecorder(cache);
        await using var context = Fixture.CreateContext(cache);
        Assert.True((await context.Posts.Cacheable().ToListAsync()).Count > 3);
        Assert.True((await context.Posts.Cacheable().ToListAsync()).Count > 3);
        Assert.Equal(0, cache.GetStatistics().Hits);
        Assert.Equal(2, events.Count(ReadCacheBypassReason.TooManyRows));
        Assert.Equal(2, (await context.Posts.OrderBy(p => p.Id).Take(2).Cacheable().ToListAsync()).Count);
        Assert.Equal(1, cache.GetStatistics().Stores);
    }

    [Fact]
    public async Task Memory_stays_bounded_under_a_long_run_of_distinct_queries()
    {
        using var cache = Fixture.CreateCache(o =>
        {
            o.MaxEntries = 50;
            o.MaxBytes = 64 * 1024;
        });
        for (var i = 0; i < 600; i++)
        {
            await using var context = Fixture.CreateContext(cache);
            await context.Posts.Where(p => p.Likes > i % 300 - 1000).Take(i % 7 + 1).Cacheable().ToListAsync();
            var stats = cache.GetStatistics();
            Assert.True(stats.Entries <= 50, $"after {i} queries: {stats}");
            Assert.True(stats.Bytes <= 64 * 1024, $"after {i} queries: {stats}");
        }

        Assert.True(cache.GetStatistics().Evictions >= 500);
    }
}
