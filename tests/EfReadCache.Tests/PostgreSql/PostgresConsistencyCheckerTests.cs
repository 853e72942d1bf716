using EfReadCache.Tests.Infrastructure;
using EfReadCache.Tests.Model;
using EfReadCache.Tests.Specification;
using Xunit.Abstractions;

namespace EfReadCache.Tests.PostgreSql;

/// <summary>The checker on a real PostgreSQL server. EFREADCACHE_CHECKER_OPS raises the operations per worker.</summary>
public sealed class PostgresConsistencyCheckerTests(PostgresFixture fixture, ITestOutputHelper output) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Concurrent_reads_and_writes_never_return_data_older_than_a_committed_write()
    {
        using var cache = fixture.CreateCache();
        var rows = new List<int>();
        await using (var context = fixture.CreateContext(null))
        {
            var blogs = Enumerable.Range(0, 4).Select(i => new Blog { Name = "checker " + i + " " + Guid.NewGuid().ToString("N")[..6], Rating = 0 }).ToList();
            context.Blogs.AddRange(blogs);
            await context.SaveChangesAsync();
            rows.AddRange(blogs.Select(b => b.Id));
        }

        var checker = new ConsistencyChecker([() => fixture.CreateContext(cache)], [.. rows]);
        var report = await checker.RunAsync(workers: 6, operationsPerWorker: ConsistencyChecker.OperationsFromEnvironment(150));
        var stats = cache.GetStatistics();
        output.WriteLine($"checker: {report} hits={stats.Hits} misses={stats.Misses} bypasses={stats.Bypasses.Values.Sum()}");

        Assert.True(report.StaleReads.Count == 0, string.Join("\n", report.StaleReads.Take(20)));
        Assert.True(report.Reads > 0 && report.Writes > 0 && report.Rollbacks > 0, report.ToString());
        Assert.True(stats.Hits > 0, "the checker must exercise cache hits: " + stats);
    }
}
