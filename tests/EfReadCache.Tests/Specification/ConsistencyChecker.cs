using System.Collections.Concurrent;
using System.Diagnostics;
using EfReadCache.Tests.Model;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Tests.Specification;

/// <summary>
///     Several workers mix cached reads with writes of every kind (SaveChanges, ExecuteUpdate, raw SQL, transactions
///     that commit and that roll back) on a few rows. Each row's Rating is its version, and writers only increase it.
///     The checker records when each write had committed and when each read began, and reports every read that
///     returned a version older than one committed before the read began.
/// </summary>
public sealed class ConsistencyChecker
{
    private readonly IReadOnlyList<Func<TestContext>> _instances;
    private readonly int[] _rowIds;
    private readonly SemaphoreSlim[] _rowLocks;
    private readonly ConcurrentBag<(int Row, long Version, long CommittedAt)> _writes = [];
    private readonly ConcurrentBag<(int Row, long Version, long BeganAt)> _reads = [];
    private long _nextVersion = 1000;
    private int _rollbacks;

    /// <param name="instances">One context factory per cache instance (one process, or several sharing a store).</param>
    /// <param name="rowIds">The blog ids the workers fight over; their Rating starts below 1000.</param>
    public ConsistencyChecker(IReadOnlyList<Func<TestContext>> instances, int[] rowIds)
    {
        _instances = instances;
        _rowIds = rowIds;
        _rowLocks = rowIds.Select(_ => new SemaphoreSlim(1, 1)).ToArray();
    }

    public static int OperationsFromEnvironment(int defaultCount)
        => int.TryParse(Environment.GetEnvironmentVariable("EFREADCACHE_CHECKER_OPS"), out var count) && count > 0 ? count : defaultCount;

    public async Task<Report> RunAsync(int workers, int operationsPerWorker, int seed = 42)
    {
        var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(() => WorkAsync(w, operationsPerWorker, new Random(seed + w)))).ToArray();
        await Task.WhenAll(tasks);
        var writes = _writes.ToArray();
        var stale = new List<string>();
        foreach (var read in _reads)
        {
            var newest = writes.Where(w => w.Row == read.Row && w.CommittedAt < read.BeganAt).Select(w => w.Version).DefaultIfEmpty(long.MinValue).Max();
            if (newest > read.Version)
            {
                stale.Add($"row {read.Row}: read began at {read.BeganAt} and returned version {read.Version}, but version {newest} had committed before");
            }
        }

        return new Report(_reads.Count, writes.Length, _rollbacks, stale);
    }

    private async Task WorkAsync(int worker, int operations, Random random)
    {
        for (var i = 0; i < operations; i++)
        {
            var row = random.Next(_rowIds.Length);
            var instance = _instances[random.Next(_instances.Count)];
            if (random.NextDouble() < 0.7)
            {
                await ReadAsync(instance, row, async: random.Next(2) == 0);
            }
            else
            {
                await WriteAsync(instance, row, random.Next(5));
            }
        }
    }

    private async Task ReadAsync(Func<TestContext> instance, int row, bool async)
    {
        var id = _rowIds[row];
        var began = Stopwatch.GetTimestamp();
        await using var context = instance();
        var query = context.Blogs.Where(b => b.Id == id).Cacheable().Select(b => b.Rating);
        var version = async ? await query.SingleAsync() : query.Single();
        _reads.Add((row, version, began));
    }

    private async Task WriteAsync(Func<TestContext> instance, int row, int kind)
    {
        var id = _rowIds[row];
        await _rowLocks[row].WaitAsync();
        try
        {
            var version = (int)Interlocked.Increment(ref _nextVersion);
            await using var context = instance();
            switch (kind)
            {
                case 0:
                    var blog = new Blog { Id = id, Name = "" };
                    context.Attach(blog);
                    blog.Rating = version;
                    context.Entry(blog).Property(b => b.Name).IsModified = false;
                    await context.SaveChangesAsync();
                    break;
                case 1:
                    await context.Blogs.Where(b => b.Id == id).ExecuteUpdateAsync(s => s.SetProperty(b => b.Rating, version));
                    break;
                case 2:
                    await context.Database.ExecuteSqlAsync($"UPDATE \"Blogs\" SET \"Rating\" = {version} WHERE \"Id\" = {id}");
                    break;
                case 3:
                    await using (var transaction = await context.Database.BeginTransactionAsync())
                    {
                        await context.Blogs.Where(b => b.Id == id).ExecuteUpdateAsync(s => s.SetProperty(b => b.Rating, version));
                        await context.Blogs.Where(b => b.Id == id).Select(b => b.Rating).Cacheable().SingleAsync();
                        await transaction.CommitAsync();
                    }

                    break;
                default:
                    await using (var transaction = await context.Database.BeginTransactionAsync())
                    {
                        await context.Blogs.Where(b => b.Id == id).ExecuteUpdateAsync(s => s.SetProperty(b => b.Rating, version));
                        await transaction.RollbackAsync();
                    }

                    Interlocked.Increment(ref _rollbacks);
                    return;
            }

            _writes.Add((row, version, Stopwatch.GetTimestamp()));
        }
        finally
        {
            _rowLocks[row].Release();
        }
    }

    public sealed record Report(int Reads, int Writes, int Rollbacks, IReadOnlyList<string> StaleReads)
    {
        public override string ToString() => $"reads={Reads} writes={Writes} rollbacks={Rollbacks} stale={StaleReads.Count}";
    }
}
