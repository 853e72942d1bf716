using EfReadCache.Benchmarks.Infrastructure;
using EfReadCache.Benchmarks.Model;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Benchmarks.Harness;

/// <summary>
///     Bytes per entry: the real managed memory an entry retains (GC heap before and after) against the payload size the
///     store accounts for. Then MaxBytes: a cache capped at a few MB is filled well past its cap, and what it accounts
///     and what it really retains are compared with the cap.
/// </summary>
public static class MemoryHarness
{
    public static async Task RunAsync(Results results, bool quick)
    {
        await BenchDatabases.EnsureAsync();
        var postCount = quick ? 200 : Seed.Blogs * Seed.PostsPerBlog;
        await MeasurePerEntryAsync(results, "A", Scenario.A_PostByKey, Enumerable.Range(1, postCount));
        await MeasurePerEntryAsync(results, "B", Scenario.B_BlogPostsInclude, Enumerable.Range(1, Seed.Blogs));
        await MeasurePerEntryAsync(results, "E", Scenario.E_SplitQuery, Enumerable.Range(1, Seed.Blogs));
        await MeasureMaxBytesAsync(results, quick ? 256 * 1024 : 2 * 1024 * 1024, postCount);
    }

    private static async Task MeasurePerEntryAsync(Results results, string name, Scenario scenario, IEnumerable<int> ids)
    {
        var idList = ids.ToList();

        // The first query warms EF, the context's internal services and the cache's plan; only what follows is measured.
        var cache = BenchEnvironment.NewCache(o => o.MaxEntries = 1_000_000);
        await RunAllAsync(cache, scenario, idList.Take(1));
        var warmStats = cache.GetStatistics();
        var warmPayload = PayloadBytes(cache);
        var before = Retained();
        await RunAllAsync(cache, scenario, idList.Skip(1));
        var after = Retained();
        var stats = cache.GetStatistics();
        var payload = PayloadBytes(cache) - warmPayload;
        var entries = stats.Entries - warmStats.Entries;
        var bytes = stats.Bytes - warmStats.Bytes;
        if (entries != (idList.Count - 1) * warmStats.Entries)
        {
            // A split query stores one entry per command.
            throw new InvalidOperationException($"Scenario {name}: {entries} entries stored, expected {(idList.Count - 1) * warmStats.Entries}.");
        }

        results.Set($"memory.{name}.entries", entries);
        results.Set($"memory.{name}.payload_bytes_per_entry", payload / entries);
        results.Set($"memory.{name}.accounted_bytes_per_entry", bytes / entries);
        results.Set($"memory.{name}.retained_bytes_per_entry", (after - before) / entries);
        results.Set($"memory.{name}.retained_vs_accounted", Math.Round((double)(after - before) / bytes, 2));
        GC.KeepAlive(cache);
        cache.Dispose();
    }

    private static async Task MeasureMaxBytesAsync(Results results, long maxBytes, int postCount)
    {
        var cache = BenchEnvironment.NewCache(o => o.MaxBytes = maxBytes);
        await RunAllAsync(cache, Scenario.A_PostByKey, [1]);
        await RunAllAsync(cache, Scenario.B_BlogPostsInclude, [1]);
        await cache.InvalidateAllAsync();
        var before = Retained();
        for (var round = 0; round < 2; round++)
        {
            await RunAllAsync(cache, Scenario.A_PostByKey, Enumerable.Range(1, postCount));
            await RunAllAsync(cache, Scenario.B_BlogPostsInclude, Enumerable.Range(1, Seed.Blogs));
        }

        var after = Retained();
        var stats = cache.GetStatistics();
        results.Set("maxbytes.cap", maxBytes);
        results.Set("maxbytes.accounted", stats.Bytes);
        results.Set("maxbytes.retained", after - before);
        results.Set("maxbytes.entries", stats.Entries);
        results.Set("maxbytes.evictions", stats.Evictions);
        results.Set("maxbytes.accounted_vs_cap", Math.Round((double)stats.Bytes / maxBytes, 3));
        results.Set("maxbytes.retained_vs_cap", Math.Round((double)(after - before) / maxBytes, 3));
        GC.KeepAlive(cache);
        cache.Dispose();
    }

    /// <summary>The payloads' measured bytes (the memory store keeps them apart from its per-entry overhead).</summary>
    private static long PayloadBytes(ReadCache cache)
        => cache.Store is Storage.Internal.MemoryReadCacheStore store ? store.PayloadBytes : cache.GetStatistics().Bytes;

    private static async Task RunAllAsync(ReadCache cache, Scenario scenario, IEnumerable<int> ids)
    {
        var options = new DbContextOptionsBuilder<BlogContext>().UseSqlite(BenchDatabases.SqliteConnectionString).UseReadCache(cache).Options;
        foreach (var id in ids)
        {
            await using var context = new BlogContext(options);
            await Queries.RunAsync(context, scenario, cacheable: true, id);
        }
    }

    private static long Retained()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
