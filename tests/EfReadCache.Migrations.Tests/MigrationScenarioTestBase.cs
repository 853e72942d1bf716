using EfReadCache.Migrations.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Migrations.Tests;

/// <summary>
///     The scenario matrix, written once and run on SQLite and PostgreSQL. Every apply is followed by a new plan that
///     must be empty (convergence), and data is checked row by row.
/// </summary>
public abstract partial class MigrationScenarioTestBase : IAsyncLifetime
{
    protected TestDatabase Db { get; private set; } = null!;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync() => Db = await CreateDatabaseAsync();

    public async Task DisposeAsync() => await Db.DisposeAsync();

    protected static readonly SchemaMigrationOptions AllowDataLoss = new() { AllowDataLoss = true };

    protected async Task SeedBlogsAndPostsAsync()
    {
        await Db.ApplyAsync(m => Models.BlogsAndPosts(m));
        await Db.ExecuteAsync("""INSERT INTO "Blogs" ("Id", "Name") VALUES (1, 'one'), (2, 'two')""");
        await Db.ExecuteAsync("""INSERT INTO "Posts" ("Id", "Title", "BlogId") VALUES (10, 'a', 1), (11, 'b', 1), (12, 'c', 2)""");
    }

    /// <summary>Blogs and Posts with three posts, plus a nullable text column on Posts filled by <paramref name="update" />.</summary>
    protected async Task SeedWithTextColumnAsync(string column, string update)
    {
        await SeedBlogsAndPostsAsync();
        await Db.ApplyAsync(m =>
        {
            Models.BlogsAndPosts(m);
            m.Entity("Posts").IndexerProperty<string?>(column);
        });
        await Db.ExecuteAsync(update);
    }

    protected Task<List<string>> PostsAsync() => Db.RowsAsync("""SELECT "Id", "Title", "BlogId" FROM "Posts" ORDER BY "Id" """);

    [Fact]
    public async Task Creates_missing_tables_and_converges()
    {
        var plan = await Db.PlanAsync(m => Models.BlogsAndPosts(m));
        Assert.Contains(plan.Operations, o => o.Kind == SchemaOperationKinds.CreateTable && o.Table == "Blogs");
        Assert.Contains(plan.Operations, o => o.Kind == SchemaOperationKinds.CreateTable && o.Table == "Posts");
        Assert.False(plan.LosesData);
        Assert.Empty(plan.Blocked);

        var result = await Db.ApplyAsync(m => Models.BlogsAndPosts(m));
        Assert.True(result.Applied);
        Assert.Contains("Posts", result.ChangedTables);

        await Db.ExecuteAsync("""INSERT INTO "Blogs" ("Id", "Name") VALUES (1, 'one')""");
        await Db.ExecuteAsync("""INSERT INTO "Posts" ("Id", "Title", "BlogId") VALUES (1, 't', 1)""");
        Assert.Equal(["1|t|1"], await PostsAsync());
    }

    [Fact]
    public async Task Adds_columns_and_keeps_every_row()
    {
        await SeedBlogsAndPostsAsync();
        void Model(ModelBuilder m)
        {
            Models.BlogsAndPosts(m);
            m.Entity("Posts").IndexerProperty<string?>("Subtitle").HasMaxLength(50);
            m.Entity("Posts").IndexerProperty<int>("Views").HasDefaultValue(7);
            m.Entity("Posts").IndexerProperty<string>("Slug").IsRequired();
        }

        var plan = await Db.PlanAsync(Model);
        Assert.DoesNotContain(plan.Operations, o => o.LosesData);
        Assert.Contains(plan.Warnings, w => w.Contains("Posts.Slug is NOT NULL without a default", StringComparison.Ordinal));
        var result = await Db.ApplyAsync(Model);
        Assert.True(result.Applied);
        Assert.Equal(
            ["10|a|1|null|7|", "11|b|1|null|7|", "12|c|2|null|7|"],
            await Db.RowsAsync("""SELECT "Id", "Title", "BlogId", "Subtitle", "Views", "Slug" FROM "Posts" ORDER BY "Id" """));
    }

    [Fact]
    public async Task An_empty_plan_applies_nothing()
    {
        await SeedBlogsAndPostsAsync();
        var plan = await Db.PlanAsync(m => Models.BlogsAndPosts(m));
        Assert.True(plan.IsEmpty, plan.ToString());
        Assert.False(plan.HasDrift);
        Assert.Contains("nothing to do", plan.ToString(), StringComparison.Ordinal);

        await using var context = Db.Context(m => Models.BlogsAndPosts(m));
        var result = await context.Database.ApplySchemaAsync();
        Assert.False(result.Applied);
        Assert.Empty(result.ChangedTables);
    }
}
