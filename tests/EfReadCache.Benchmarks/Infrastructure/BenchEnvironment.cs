using EfReadCache.Benchmarks.Model;
using EfReadCache.Redis;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace EfReadCache.Benchmarks.Infrastructure;

/// <summary>The contexts' options of every variant for one scenario, warmed so that hits are hits.</summary>
public sealed class BenchEnvironment : IDisposable
{
    private BenchEnvironment(Scenario scenario) => Scenario = scenario;

    public Scenario Scenario { get; }

    public DbContextOptions<BlogContext> SqliteUncached { get; } = BenchDatabases.Sqlite();

    public DbContextOptions<BlogContext> PgUncached { get; } = BenchDatabases.Postgres();

    public ReadCache SqliteCache { get; } = NewCache();

    public ReadCache PgCache { get; } = NewCache();

    public DbContextOptions<BlogContext> SqliteMemory { get; private set; } = null!;

    public DbContextOptions<BlogContext> PgMemory { get; private set; } = null!;

    /// <summary>Redis with the in-process L1 off: every hit reads the entry and its tokens from Redis (L2).</summary>
    public ReadCache RedisL2Cache { get; } = NewRedisCache(o => o.UseL1 = false);

    /// <summary>Redis with the L1 on, each L1 hit confirmed against Redis's tokens (the default).</summary>
    public ReadCache RedisL1Cache { get; } = NewRedisCache(o => o.UseL1 = true);

    /// <summary>Redis with the L1 on, kept coherent by pub/sub alone (no round trip on an L1 hit).</summary>
    public ReadCache RedisL1PubSubCache { get; } = NewRedisCache(o =>
    {
        o.UseL1 = true;
        o.L1Validation = RedisL1Validation.PubSub;
    });

    public DbContextOptions<BlogContext> RedisL2 { get; private set; } = null!;

    public DbContextOptions<BlogContext> RedisL1 { get; private set; } = null!;

    public DbContextOptions<BlogContext> RedisL1PubSub { get; private set; } = null!;

    public FloorInterceptor SqliteFloorInterceptor { get; } = new();

    public FloorInterceptor PgFloorInterceptor { get; } = new();

    public DbContextOptions<BlogContext> SqliteFloor { get; private set; } = null!;

    public DbContextOptions<BlogContext> PgFloor { get; private set; } = null!;

    public MemoryCache HandRolledCache { get; } = new(new MemoryCacheOptions());

    /// <summary>The checksum every variant must return (from uncached SQLite).</summary>
    public long Expected { get; private set; }

    public static ReadCache NewCache(Action<ReadCacheOptions>? configure = null)
    {
        var options = new ReadCacheOptions();
        configure?.Invoke(options);
        return new ReadCache(options);
    }

    /// <summary>A cache over the loopback Redis (EFREADCACHE_TEST_REDIS), under keys private to this run and cache.</summary>
    public static ReadCache NewRedisCache(Action<RedisReadCacheOptions> configure)
    {
        var configuration = Environment.GetEnvironmentVariable("EFREADCACHE_TEST_REDIS") ?? "127.0.0.1:56379,password=efreadcache";
        var options = new RedisReadCacheOptions { KeyPrefix = $"efrc-bench:{BenchDatabases.RunId}:{Interlocked.Increment(ref _redisCaches)}" };
        configure(options);
        return new ReadCache(new ReadCacheOptions { StoreFactory = new RedisReadCacheStoreFactory(configuration, options) });
    }

    private static int _redisCaches;

    public static async Task<BenchEnvironment> CreateAsync(Scenario scenario)
    {
        await BenchDatabases.EnsureAsync();
        var env = new BenchEnvironment(scenario);
        env.SqliteMemory = new DbContextOptionsBuilder<BlogContext>().UseSqlite(BenchDatabases.SqliteConnectionString).UseReadCache(env.SqliteCache).Options;
        env.PgMemory = new DbContextOptionsBuilder<BlogContext>().UseNpgsql(BenchDatabases.PostgresConnectionString).UseReadCache(env.PgCache).Options;
        env.RedisL2 = WithCache(env.RedisL2Cache);
        env.RedisL1 = WithCache(env.RedisL1Cache);
        env.RedisL1PubSub = WithCache(env.RedisL1PubSubCache);
        env.SqliteFloor = new DbContextOptionsBuilder<BlogContext>().UseSqlite(BenchDatabases.SqliteConnectionString)
            .AddInterceptors(env.SqliteFloorInterceptor).Options;
        env.PgFloor = new DbContextOptionsBuilder<BlogContext>().UseNpgsql(BenchDatabases.PostgresConnectionString)
            .AddInterceptors(env.PgFloorInterceptor).Options;

        env.Expected = await env.RunAsync(env.SqliteUncached, cacheable: false);
        await env.RunAsync(env.SqliteFloor, cacheable: true);
        env.SqliteFloorInterceptor.Replay();
        await env.RunAsync(env.PgFloor, cacheable: true);
        env.PgFloorInterceptor.Replay();
        await env.RunAsync(env.SqliteMemory, cacheable: true);
        await env.RunAsync(env.PgMemory, cacheable: true);
        await env.RunAsync(env.RedisL2, cacheable: true);
        await env.RunAsync(env.RedisL1, cacheable: true);
        await env.RunAsync(env.RedisL1PubSub, cacheable: true);
        await env.HandRolledAsync();
        await env.VerifyAsync();
        return env;
    }

    private static DbContextOptions<BlogContext> WithCache(ReadCache cache)
        => new DbContextOptionsBuilder<BlogContext>().UseSqlite(BenchDatabases.SqliteConnectionString).UseReadCache(cache).Options;

    public async Task<long> RunAsync(DbContextOptions<BlogContext> options, bool cacheable)
    {
        await using var context = new BlogContext(options);
        return await Queries.RunAsync(context, Scenario, cacheable);
    }

    /// <summary>What an application writes by hand: the materialized list in an IMemoryCache (new context per operation).</summary>
    public async Task<object?> HandRolledAsync()
    {
        await using var context = new BlogContext(SqliteUncached);
        return await HandRolledCache.GetOrCreateAsync(Scenario, _ => Queries.ListAsync(context, Scenario));
    }

    /// <summary>Every variant returns the same data, and cached variants are served from the cache.</summary>
    public async Task VerifyAsync()
    {
        ReadCache[] caches = [SqliteCache, PgCache, RedisL2Cache, RedisL1Cache, RedisL1PubSubCache];
        var hitsBefore = caches.Select(c => c.GetStatistics().Hits).ToArray();
        var results = new Dictionary<string, long>
        {
            ["Sqlite_Uncached"] = await RunAsync(SqliteUncached, false),
            ["Pg_Uncached"] = await RunAsync(PgUncached, false),
            ["Sqlite_MemoryHit"] = await RunAsync(SqliteMemory, true),
            ["Pg_MemoryHit"] = await RunAsync(PgMemory, true),
            ["Sqlite_RedisL2Hit"] = await RunAsync(RedisL2, true),
            ["Sqlite_RedisL1Hit"] = await RunAsync(RedisL1, true),
            ["Sqlite_RedisL1PubSubHit"] = await RunAsync(RedisL1PubSub, true),
            ["Sqlite_Floor"] = await RunAsync(SqliteFloor, true),
            ["Pg_Floor"] = await RunAsync(PgFloor, true),
            ["HandRolled"] = Queries.Checksum(await HandRolledAsync()),
        };
        foreach (var (variant, checksum) in results)
        {
            if (checksum != Expected)
            {
                throw new InvalidOperationException($"{Scenario}/{variant}: checksum {checksum}, expected {Expected}.");
            }
        }

        var commands = SqliteFloorInterceptor.Commands;
        var hits = caches.Select((c, i) => c.GetStatistics().Hits - hitsBefore[i]).ToArray();
        if (hits.Any(h => h != commands))
        {
            throw new InvalidOperationException(
                $"{Scenario}: expected {commands} cache hit(s) per cached run in each cache (memory SQLite, memory PostgreSQL, Redis L2, "
                + $"Redis L1, Redis L1 pub/sub), saw {string.Join(", ", hits)}.");
        }
    }

    public void Dispose()
    {
        foreach (var cache in new[] { SqliteCache, PgCache, RedisL2Cache, RedisL1Cache, RedisL1PubSubCache })
        {
            cache.Dispose();
        }

        HandRolledCache.Dispose();
    }
}
