using EfReadCache.Internal;
using EfReadCache.Tests.Infrastructure;
using EfReadCache.Tests.Model;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Tests.Specification;

/// <summary>
///     The classic interleaving, forced with hooks rather than sleeps: a read takes its snapshot and runs its query,
///     a write commits and invalidates, then the read tries to store. Its result must not become a valid entry.
/// </summary>
public abstract class RaceTests<TFixture>(TFixture fixture)
    where TFixture : DatabaseFixture
{
    protected TFixture Fixture { get; } = fixture;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_read_that_ran_before_a_committed_write_is_not_stored(bool async)
    {
        using var cache = Fixture.CreateCache();
        var name = "race " + Guid.NewGuid().ToString("N")[..10];
        await using (var seed = Fixture.CreateContext(null))
        {
            seed.Blogs.Add(new Blog { Name = name, Rating = 1 });
            await seed.SaveChangesAsync();
        }

        var queryRan = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writeCommitted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cache.TestHooks = new ReadCacheTestHooks
        {
            BeforeStore = async _ =>
            {
                queryRan.TrySetResult();
                await writeCommitted.Task;
            },
        };

        var read = Task.Run(async () =>
        {
            await using var context = Fixture.CreateContext(cache);
            var query = context.Blogs.Where(b => b.Name == name).Cacheable().Select(b => b.Rating);
            return async ? await query.SingleAsync() : query.Single();
        });

        await queryRan.Task;
        cache.TestHooks = null;
        await using (var writer = Fixture.CreateContext(cache))
        {
            (await writer.Blogs.SingleAsync(b => b.Name == name)).Rating = 2;
            await writer.SaveChangesAsync();
        }

        writeCommitted.SetResult();
        Assert.Equal(1, await read); // it began before the write: the old value is a correct answer for it

        await using var after = Fixture.CreateContext(cache);
        Assert.Equal(2, await after.Blogs.Where(b => b.Name == name).Cacheable().Select(b => b.Rating).SingleAsync());
        Assert.Equal(0, cache.GetStatistics().Hits);
        Assert.Equal(1, cache.GetStatistics().Stores); // only the fresh read was stored
    }

    [Fact]
    public async Task A_read_that_snapshots_before_a_write_begins_and_runs_after_it_commits_is_not_stored_stale()
    {
        using var cache = Fixture.CreateCache();
        var name = "race2 " + Guid.NewGuid().ToString("N")[..10];
        await using (var seed = Fixture.CreateContext(null))
        {
            seed.Blogs.Add(new Blog { Name = name, Rating = 1 });
            await seed.SaveChangesAsync();
        }

        var snapshotTaken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writeCommitted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cache.TestHooks = new ReadCacheTestHooks
        {
            BeforeQuery = async (_, _) =>
            {
                snapshotTaken.TrySetResult();
                await writeCommitted.Task;
            },
        };

        var read = Task.Run(async () =>
        {
            await using var context = Fixture.CreateContext(cache);
            return await context.Blogs.Where(b => b.Name == name).Cacheable().Select(b => b.Rating).SingleAsync();
        });

        await snapshotTaken.Task;
        cache.TestHooks = null;
        await using (var writer = Fixture.CreateContext(cache))
        {
            await writer.Blogs.Where(b => b.Name == name).ExecuteUpdateAsync(s => s.SetProperty(b => b.Rating, 3));
        }

        writeCommitted.SetResult();
        Assert.Equal(3, await read); // it ran after the commit
        await using var after = Fixture.CreateContext(cache);
        Assert.Equal(3, await after.Blogs.Where(b => b.Name == name).Cacheable().Select(b => b.Rating).SingleAsync());
        Assert.Equal(0, cache.GetStatistics().Hits); // the snapshot predates the write, so its store was refused
    }
}
