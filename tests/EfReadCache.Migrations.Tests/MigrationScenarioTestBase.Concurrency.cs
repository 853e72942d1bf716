using EfReadCache.Migrations.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Migrations.Tests;

public abstract partial class MigrationScenarioTestBase
{
    /// <summary>Reports progress synchronously (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class Hook(Action<SchemaMigrationProgress> onReport) : IProgress<SchemaMigrationProgress>
    {
        public void Report(SchemaMigrationProgress value) => onReport(value);
    }

    [Fact]
    public async Task Two_concurrent_runs_one_applies_and_the_other_finds_nothing_to_do()
    {
        await SeedBlogsAndPostsAsync();
        void Model(ModelBuilder m)
        {
            Models.BlogsAndPosts(m);
            m.Entity("Posts").IndexerProperty<string?>("Subtitle");
            m.Table("Tags", t => t.IndexerProperty<string?>("Label"));
        }

        // Both runs are released together once each has built its context; the lock decides who goes first.
        using var bothReady = new Barrier(2);
        async Task<SchemaApplyResult> RunAsync()
        {
            await using var context = Db.Context(Model);
            _ = context.Model;
            await Task.Run(() => bothReady.SignalAndWait(TimeSpan.FromSeconds(30)));
            return await context.Database.ApplySchemaAsync(new SchemaMigrationOptions { LockTimeout = TimeSpan.FromSeconds(60) });
        }

        var results = await Task.WhenAll(Task.Run(RunAsync), Task.Run(RunAsync));
        Assert.Single(results, r => r.Applied);
        var idle = Assert.Single(results, r => !r.Applied);
        Assert.True(idle.Plan.IsEmpty, idle.Plan.ToString());
        Assert.True((await Db.PlanAsync(Model)).IsEmpty);
        Assert.Equal(["10|a|1|null", "11|b|1|null", "12|c|2|null"], await Db.RowsAsync("""SELECT "Id", "Title", "BlogId", "Subtitle" FROM "Posts" ORDER BY "Id" """));
    }

    [Fact]
    public async Task A_second_run_waits_for_the_lock_held_by_the_first()
    {
        await SeedBlogsAndPostsAsync();
        void Model(ModelBuilder m)
        {
            Models.BlogsAndPosts(m);
            m.Entity("Posts").IndexerProperty<string?>("Subtitle");
        }

        // The first run pauses inside its transaction (after applying, before verifying) until the second run has started.
        var firstApplied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondStarted = new ManualResetEventSlim();
        var first = Task.Run(async () =>
        {
            await using var context = Db.Context(Model);
            return await context.Database.ApplySchemaAsync(new SchemaMigrationOptions
            {
                Progress = new Hook(p =>
                {
                    if (p.Step == "verify")
                    {
                        firstApplied.TrySetResult();
                        secondStarted.Wait(TimeSpan.FromSeconds(30));
                    }
                }),
            });
        });
        await firstApplied.Task;
        var second = Task.Run(async () =>
        {
            await using var context = Db.Context(Model);
            return await context.Database.ApplySchemaAsync(new SchemaMigrationOptions
            {
                LockTimeout = TimeSpan.FromSeconds(60),
                Progress = new Hook(p =>
                {
                    if (p.Step == "lock")
                    {
                        secondStarted.Set();
                    }
                }),
            });
        });

        var firstResult = await first;
        var secondResult = await second;
        Assert.True(firstResult.Applied);
        Assert.False(secondResult.Applied);
        Assert.True(secondResult.Plan.IsEmpty, secondResult.Plan.ToString());
    }
}
