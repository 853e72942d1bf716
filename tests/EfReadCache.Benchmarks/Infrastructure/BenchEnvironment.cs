using EfReadCache.Benchmarks.Model;
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

    public static async Task<BenchEnvironment> CreateAsync(Scenario scenario)
    {
        await BenchDatabases.EnsureAsync();
        var env = new BenchEnvironment(scenario);
        env.SqliteMemory = new DbContextOptionsBuilder<BlogContext>().UseSqlite(BenchDatabases.SqliteConnectionString).UseReadCache(env.SqliteCache).Options;
        env.PgMemory = new DbContextOptionsBuilder<BlogContext>().UseNpgsql(BenchDatabases.PostgresConnectionString).UseReadCache(env.PgCache).Options;
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
        await env.HandRolledAsync();
        await env.VerifyAsync();
        return env;
    }

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
        var hitsBefore = (SqliteCache.GetStatistics().Hits, PgCache.GetStatistics().Hits);
        var results = new Dictionary<string, long>
        {
            ["Sqlite_Uncached"] = await RunAsync(SqliteUncached, false),
            ["Pg_Uncached"] = await RunAsync(PgUncached, false),
            ["Sqlite_MemoryHit"] = await RunAsync(SqliteMemory, true),
            ["Pg_MemoryHit"] = await RunAsync(PgMemory, true),
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
        var sqliteHits = SqliteCache.GetStatistics().Hits - hitsBefore.Item1;
        var pgHits = PgCache.GetStatistics().Hits - hitsBefore.Item2;
        if (sqliteHits != commands || pgHits != commands)
        {
            throw new InvalidOperationException(
                $"{Scenario}: expected {commands} cache hit(s) per cached run, saw {sqliteHits} (SQLite) and {pgHits} (PostgreSQL).");
        }
    }

    public void Dispose()
    {
        SqliteCache.Dispose();
        PgCache.Dispose();
        HandRolledCache.Dispose();
    }
}
