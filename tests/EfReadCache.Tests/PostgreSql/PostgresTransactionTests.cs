using System.Data;
using System.Transactions;
using EfReadCache.Tests.Infrastructure;
using EfReadCache.Tests.Specification;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Tests.PostgreSql;

public sealed class PostgresTransactionTests(PostgresFixture fixture) : TransactionTests<PostgresFixture>(fixture), IClassFixture<PostgresFixture>
{
    // EF's SQLite provider does not support ambient transactions (AmbientTransactionWarning), so this runs on PostgreSQL.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TransactionScope_defers_evictions_to_completion_with_async_flow(bool complete)
    {
        using var cache = Fixture.CreateCache();
        var name = await NewBlogAsync();
        Assert.Equal(5, ReadRating(cache, name));
        using (var scope = new TransactionScope(
                   TransactionScopeOption.Required,
                   new TransactionOptions { IsolationLevel = System.Transactions.IsolationLevel.ReadCommitted },
                   TransactionScopeAsyncFlowOption.Enabled))
        {
            await using var context = Fixture.CreateContext(cache);
            await context.Blogs.Where(b => b.Name == name).ExecuteUpdateAsync(s => s.SetProperty(b => b.Rating, 9));
            await Task.Yield();
            Assert.Equal(9, await context.Blogs.Where(b => b.Name == name).Cacheable().Select(b => b.Rating).SingleAsync());
            if (complete)
            {
                scope.Complete();
            }
        }

        Assert.Equal(complete ? 9 : 5, ReadRating(cache, name));
        var hits = cache.GetStatistics().Hits;
        Assert.Equal(complete ? 9 : 5, ReadRating(cache, name));
        Assert.Equal(hits + 1, cache.GetStatistics().Hits);
    }

    // Every SQLite transaction reads from a snapshot (covered by the shared suite), so this runs on PostgreSQL.
    [Fact]
    public async Task Read_committed_transactions_that_did_not_write_the_table_use_the_cache()
    {
        using var cache = Fixture.CreateCache();
        var name = await NewBlogAsync();
        Assert.Equal(5, ReadRating(cache, name));
        await using var context = Fixture.CreateContext(cache);
        await using var transaction = await context.Database.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted);
        await context.Database.ExecuteSqlAsync($"UPDATE \"Tags\" SET \"Name\" = \"Name\" WHERE \"Id\" = -1");
        Assert.Equal(5, Rating(context, name));
        Assert.Equal(1, cache.GetStatistics().Hits);
    }
}
