using BenchmarkDotNet.Attributes;
using EfReadCache.Benchmarks.Infrastructure;

namespace EfReadCache.Benchmarks.Benchmarks;

/// <summary>Every scenario, uncached, as a cache hit, at the floor, and hand-rolled. New DbContext per operation.</summary>
[MemoryDiagnoser]
public class QueryBenchmarks
{
    private BenchEnvironment _env = null!;

    [ParamsAllValues]
    public Scenario Scenario { get; set; }

    [GlobalSetup]
    public void Setup() => _env = BenchEnvironment.CreateAsync(Scenario).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _env.Dispose();

    [Benchmark]
    public Task<long> Sqlite_Uncached() => _env.RunAsync(_env.SqliteUncached, cacheable: false);

    [Benchmark]
    public Task<long> Pg_Uncached() => _env.RunAsync(_env.PgUncached, cacheable: false);

    [Benchmark]
    public Task<long> Sqlite_MemoryHit() => _env.RunAsync(_env.SqliteMemory, cacheable: true);

    [Benchmark]
    public Task<long> Pg_MemoryHit() => _env.RunAsync(_env.PgMemory, cacheable: true);

    [Benchmark]
    public Task<long> Sqlite_RedisL2Hit() => _env.RunAsync(_env.RedisL2, cacheable: true);

    [Benchmark]
    public Task<long> Sqlite_RedisL1Hit() => _env.RunAsync(_env.RedisL1, cacheable: true);

    [Benchmark]
    public Task<long> Sqlite_RedisL1PubSubHit() => _env.RunAsync(_env.RedisL1PubSub, cacheable: true);

    [Benchmark]
    public Task<long> Sqlite_Floor() => _env.RunAsync(_env.SqliteFloor, cacheable: true);

    [Benchmark]
    public Task<long> Pg_Floor() => _env.RunAsync(_env.PgFloor, cacheable: true);

    [Benchmark]
    public Task<object?> HandRolled() => _env.HandRolledAsync();
}
