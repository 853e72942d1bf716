using BenchmarkDotNet.Attributes;
using EfReadCache.Benchmarks.Infrastructure;
using EfReadCache.Benchmarks.Model;
using EfReadCache.Internal;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Benchmarks.Benchmarks;

/// <summary>Invalidating one table while 10^3, 10^5 or 10^6 entries are cached: the cost must not grow with them.</summary>
[MemoryDiagnoser]
public class InvalidationBenchmarks
{
    private ReadCache _cache = null!;
    private BlogContext _context = null!;

    [Params(1_000, 100_000, 1_000_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _cache = BenchEnvironment.NewCache(o =>
        {
            o.MaxEntries = 2_000_000;
            o.MaxBytes = 16L * 1024 * 1024 * 1024;
        });
        _context = new BlogContext(new DbContextOptionsBuilder<BlogContext>().UseSqlite(BenchDatabases.SqliteConnectionString).UseReadCache(_cache).Options);
        await StoreFiller.FillAsync(_cache, DatabaseIdentity.Of(_context.Database.GetDbConnection()), Entries);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _context.Dispose();
        _cache.Dispose();
    }

    [Benchmark]
    public Task InvalidatePosts() => _context.InvalidateReadCacheAsync(["Posts"]);
}
