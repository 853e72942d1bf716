using EfReadCache.Migrations.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Migrations.Tests;

public abstract partial class MigrationScenarioTestBase
{
    /// <summary>Holds the migration lock from outside, as another migrator would.</summary>
    protected abstract Task<IAsyncDisposable> HoldMigrationLockAsync();

    [Fact]
    public async Task A_run_that_cannot_get_the_lock_in_time_fails_and_changes_nothing()
    {
        await SeedBlogsAndPostsAsync();
        void Model(ModelBuilder m)
        {
            Models.BlogsAndPosts(m);
            m.Table("Tags");
        }

        await using (await HoldMigrationLockAsync())
        {
            await using var context = Db.Context(Model);
            var exception = await Assert.ThrowsAsync<SchemaMigrationException>(
                () => context.Database.ApplySchemaAsync(new SchemaMigrationOptions { LockTimeout = TimeSpan.FromSeconds(1) }));
            Assert.Contains("lock", exception.Message, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains((await Db.PlanAsync(Model)).Operations, o => o.Table == "Tags");
        await Db.ApplyAsync(Model);
    }

    [Fact]
    public async Task Tables_excluded_from_migrations_are_left_alone()
    {
        await SeedBlogsAndPostsAsync();
        await Db.ExecuteAsync("""CREATE TABLE "External" ("Id" INTEGER PRIMARY KEY, "Note" TEXT)""");
        void Model(ModelBuilder m)
        {
            Models.BlogsAndPosts(m);
            m.Table("External", e => e.ToTable("External", t => t.ExcludeFromMigrations()));
        }

        var plan = await Db.PlanAsync(Model);
        Assert.True(plan.IsEmpty, plan.ToString());
    }
}
