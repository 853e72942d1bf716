using System.Data;
using EfReadCache.Diagnostics;
using EfReadCache.Tests.Infrastructure;
using EfReadCache.Tests.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EfReadCache.Tests.Specification;

/// <summary>
///     Inside a transaction, evictions wait for the commit and are discarded on rollback; a transaction reads its own
///     writes from the database; uncommitted data never reaches the shared cache.
/// </summary>
public abstract class TransactionTests<TFixture>(TFixture fixture)
    where TFixture : DatabaseFixture
{
    protected TFixture Fixture { get; } = fixture;

    protected async Task<string> NewBlogAsync(int rating = 5)
    {
        var name = "tx " + Guid.NewGuid().ToString("N")[..10];
        await using var context = Fixture.CreateContext(null);
        context.Blogs.Add(new Blog { Name = name, Rating = rating });
        await context.SaveChangesAsync();
        return name;
    }

    protected static int Rating(TestContext context, string name)
        => context.Blogs.Where(b => b.Name == name).Cacheable().Select(b => b.Rating).Single();

    protected int ReadRating(ReadCache cache, string name)
    {
        using var context = Fixture.CreateContext(cache);
        return Rating(context, name);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_committed_transaction_evicts_at_commit_and_hides_uncommitted_data_until_then(bool async)
    {
        using var cache = Fixture.CreateCache();
        var events = new EventRecorder(cache);
        var name = await NewBlogAsync();
        Assert.Equal(5, ReadRating(cache, name));

        await using var writer = Fixture.CreateContext(cache);
        await using var transaction = async ? await writer.Database.BeginTransactionAsync() : writer.Database.BeginTransaction();
        await writer.Blogs.Where(b => b.Name == name).ExecuteUpdateAsync(s => s.SetProperty(b => b.Rating, 6));

        if (!Fixture.IsPostgres)
        {
            // SQLite has one writer; a second connection would wait on the lock. Read through the writer's own transaction instead.
            Assert.Equal(6, Rating(writer, name));
            Assert.Equal(1, events.Count(ReadCacheBypassReason.TransactionWroteTable));
        }
        else
        {
            // Another context sees the committed value, from the database: the table is pending, so it is neither served nor stored.
            Assert.Equal(5, ReadRating(cache, name));
            Assert.True(events.Count(ReadCacheBypassReason.PendingWrite) >= 1);
        }

        if (async)
        {
            await transaction.CommitAsync();
        }
        else
        {
            transaction.Commit();
        }

        Assert.Equal(6, ReadRating(cache, name));
        var hits = cache.GetStatistics().Hits;
        Assert.Equal(6, ReadRating(cache, name));
        Assert.Equal(hits + 1, cache.GetStatistics().Hits); // cached again after the commit
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_rolled_back_transaction_changes_nothing_and_caching_resumes(bool async)
    {
        using var cache = Fixture.CreateCache();
        var name = await NewBlogAsync();
        Assert.Equal(5, ReadRating(cache, name));
        await using (var writer = Fixture.CreateContext(cache))
        {
            await using var transaction = await writer.Database.BeginTransactionAsync();
            (await writer.Blogs.SingleAsync(b => b.Name == name)).Rating = 7;
            await writer.SaveChangesAsync();
            Assert.Equal(7, Rating(writer, name)); // read-your-own-writes, from the database
            if (async)
            {
                await transaction.RollbackAsync();
            }
            else
            {
                transaction.Rollback();
            }
        }

        Assert.Equal(5, ReadRating(cache, name));
        var hits = cache.GetStatistics().Hits;
        Assert.Equal(5, ReadRating(cache, name));
        Assert.Equal(hits + 1, cache.GetStatistics().Hits);
    }

    [Fact]
    public async Task Uncommitted_data_read_inside_a_transaction_never_reaches_the_shared_cache()
    {
        using var cache = Fixture.CreateCache();
        var name = await NewBlogAsync();
        await using (var writer = Fixture.CreateContext(cache, configure: o => o.UseReadCache(cache)))
        {
            await using var transaction = await writer.Database.BeginTransactionAsync();
            await writer.Database.ExecuteSqlAsync($"UPDATE \"Blogs\" SET \"Rating\" = 99 WHERE \"Name\" = {name}");
            Assert.Equal(99, Rating(writer, name));
            Assert.Equal(99, Rating(writer, name));
            await transaction.RollbackAsync();
        }

        Assert.Equal(5, ReadRating(cache, name));
        Assert.Equal(0, cache.GetStatistics().Hits);
    }

    [Fact]
    public async Task Snapshot_transactions_bypass_the_cache_unless_allowed()
    {
        var name = await NewBlogAsync();
        const IsolationLevel isolation = IsolationLevel.Serializable;
        using (var cache = Fixture.CreateCache())
        {
            var events = new EventRecorder(cache);
            await using var context = Fixture.CreateContext(cache);
            await using var transaction = await context.Database.BeginTransactionAsync(isolation);
            Assert.Equal(5, Rating(context, name));
            Assert.Equal(5, Rating(context, name));
            Assert.Equal(2, events.Count(ReadCacheBypassReason.SnapshotTransaction));
            Assert.Equal(0, cache.GetStatistics().Hits);
        }

        using (var cache = Fixture.CreateCache(o => o.CacheInSnapshotTransactions = true))
        {
            await using var context = Fixture.CreateContext(cache);
            await using var transaction = await context.Database.BeginTransactionAsync(isolation);
            Assert.Equal(5, Rating(context, name));
            Assert.Equal(5, Rating(context, name));
            Assert.Equal(1, cache.GetStatistics().Hits);
        }
    }

    [Fact]
    public async Task An_external_transaction_shared_by_two_contexts_and_committed_directly_evicts()
    {
        using var cache = Fixture.CreateCache();
        var events = new EventRecorder(cache);
        var name = await NewBlogAsync();
        Assert.Equal(5, ReadRating(cache, name));

        await using (var connection = Fixture.CreateRawConnection())
        {
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted);
            await using var first = Fixture.CreateContext(null, configure: o => o.UseReadCache(cache));
            await using var second = Fixture.CreateContext(null, configure: o => o.UseReadCache(cache));
            first.Database.SetDbConnection(connection);
            second.Database.SetDbConnection(connection);
            await first.Database.UseTransactionAsync(transaction);
            await second.Database.UseTransactionAsync(transaction);

            await first.Database.ExecuteSqlAsync($"UPDATE \"Blogs\" SET \"Rating\" = 8 WHERE \"Name\" = {name}");
            Assert.Equal(8, Rating(second, name)); // the other context shares the transaction: it reads its writes
            Assert.True(events.Count(ReadCacheBypassReason.TransactionWroteTable) + events.Count(ReadCacheBypassReason.SnapshotTransaction) >= 1);
            await transaction.CommitAsync(); // directly on the DbTransaction: EF never sees the commit
        }

        Assert.Equal(8, ReadRating(cache, name));
        var hits = cache.GetStatistics().Hits;
        Assert.Equal(8, ReadRating(cache, name));
        Assert.Equal(hits + 1, cache.GetStatistics().Hits); // the pending mark was released, caching resumed
    }

    [Fact]
    public async Task Savepoints_keep_writes_pending_until_the_transaction_ends()
    {
        using var cache = Fixture.CreateCache();
        var name = await NewBlogAsync();
        Assert.Equal(5, ReadRating(cache, name));
        await using (var context = Fixture.CreateContext(cache))
        {
            await using var transaction = await context.Database.BeginTransactionAsync();
            await context.Blogs.Where(b => b.Name == name).ExecuteUpdateAsync(s => s.SetProperty(b => b.Rating, 10));
            await transaction.CreateSavepointAsync("before_eleven");
            await context.Blogs.Where(b => b.Name == name).ExecuteUpdateAsync(s => s.SetProperty(b => b.Rating, 11));
            await transaction.RollbackToSavepointAsync("before_eleven");
            Assert.Equal(10, Rating(context, name));
            await transaction.CommitAsync();
        }

        Assert.Equal(10, ReadRating(cache, name));
    }

    [Fact]
    public async Task SaveChanges_own_transaction_evicts_after_it_commits()
    {
        using var cache = Fixture.CreateCache();
        var name = await NewBlogAsync();
        Assert.Equal(5, ReadRating(cache, name));
        await using (var context = Fixture.CreateContext(cache))
        {
            // Two statements: EF wraps them in its own transaction.
            (await context.Blogs.SingleAsync(b => b.Name == name)).Rating = 12;
            context.Tags.Add(new Tag { Name = "t " + name });
            await context.SaveChangesAsync();
        }

        Assert.Equal(12, ReadRating(cache, name));
    }
}
