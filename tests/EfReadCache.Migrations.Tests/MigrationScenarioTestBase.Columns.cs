using EfReadCache.Migrations.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Migrations.Tests;

public abstract partial class MigrationScenarioTestBase
{
    [Fact]
    public async Task Drop_column_is_blocked_without_data_loss_and_applied_with_it()
    {
        await SeedBlogsAndPostsAsync();
        await Db.ExecuteAsync("""ALTER TABLE "Posts" ADD COLUMN "Legacy" TEXT""");
        await Db.ExecuteAsync("""UPDATE "Posts" SET "Legacy" = 'keep-' || "Id" """);

        var plan = await Db.PlanAsync(m => Models.BlogsAndPosts(m));
        var blocked = Assert.Single(plan.Blocked);
        Assert.Equal(SchemaOperationKinds.DropColumn, blocked.Kind);
        Assert.Equal("Legacy", blocked.Column);
        Assert.True(blocked.RequiresDataLoss);
        Assert.Contains("AllowDataLoss", blocked.Reason, StringComparison.Ordinal);
        Assert.Empty(plan.Operations);

        await using (var context = Db.Context(m => Models.BlogsAndPosts(m)))
        {
            var exception = await Assert.ThrowsAsync<SchemaMigrationException>(() => context.Database.ApplySchemaAsync());
            Assert.Contains("Legacy", exception.Message, StringComparison.Ordinal);
            Assert.Contains("AllowDataLoss", exception.Message, StringComparison.Ordinal);
        }

        await using (var context = Db.Context(m => Models.BlogsAndPosts(m)))
        {
            var dryRun = await context.Database.ApplySchemaAsync(new SchemaMigrationOptions { DryRun = true });
            Assert.False(dryRun.Applied);
            Assert.Single(dryRun.Plan.Blocked);
        }

        Assert.Equal(["10|keep-10", "11|keep-11", "12|keep-12"], await Db.RowsAsync("""SELECT "Id", "Legacy" FROM "Posts" ORDER BY "Id" """));

        var allowed = await Db.PlanAsync(m => Models.BlogsAndPosts(m), AllowDataLoss);
        Assert.True(allowed.LosesData);
        await Db.ApplyAsync(m => Models.BlogsAndPosts(m), AllowDataLoss);
        Assert.Equal(["10|a|1", "11|b|1", "12|c|2"], await PostsAsync());
        await Assert.ThrowsAnyAsync<Exception>(() => Db.RowsAsync("""SELECT "Legacy" FROM "Posts" """));
    }

    [Fact]
    public async Task Drop_table_is_blocked_without_data_loss()
    {
        await SeedBlogsAndPostsAsync();
        await Db.ExecuteAsync("""CREATE TABLE "Archive" ("Id" INTEGER PRIMARY KEY, "Note" TEXT)""");
        await Db.ExecuteAsync("""INSERT INTO "Archive" ("Id", "Note") VALUES (1, 'x')""");

        var plan = await Db.PlanAsync(m => Models.BlogsAndPosts(m));
        var blocked = Assert.Single(plan.Blocked);
        Assert.Equal(SchemaOperationKinds.DropTable, blocked.Kind);
        Assert.Equal("Archive", blocked.Table);

        var result = await Db.ApplyAsync(m => Models.BlogsAndPosts(m), new SchemaMigrationOptions { SkipBlocked = true }, expectBlockedAfter: true);
        Assert.False(result.Applied);
        Assert.Equal(["1|x"], await Db.RowsAsync("""SELECT "Id", "Note" FROM "Archive" """));

        await Db.ApplyAsync(m => Models.BlogsAndPosts(m), AllowDataLoss);
        Assert.Equal(0, await Db.ScalarAsync(Db.IsPostgres
            ? "SELECT count(*) FROM pg_tables WHERE tablename = 'Archive'"
            : "SELECT count(*) FROM sqlite_master WHERE name = 'Archive'"));
        Assert.Equal(["10|a|1", "11|b|1", "12|c|2"], await PostsAsync());
    }

    [Fact]
    public async Task Widens_a_column_and_keeps_the_data()
    {
        await SeedBlogsAndPostsAsync();
        void Model(ModelBuilder m)
        {
            Models.BlogsAndPosts(m);
            m.Entity("Posts").IndexerProperty<string>("Title").HasMaxLength(500);
            m.Entity("Posts").IndexerProperty<long>("Id");
        }

        var plan = await Db.PlanAsync(Model);
        Assert.Empty(plan.Blocked);
        Assert.False(plan.LosesData);
        await Db.ApplyAsync(Model);
        Assert.Equal(["10|a|1", "11|b|1", "12|c|2"], await PostsAsync());
    }

    [Fact]
    public async Task Changes_a_column_type_and_converts_the_data()
    {
        await SeedWithTextColumnAsync("Score", """UPDATE "Posts" SET "Score" = CAST("Id" * 2 AS TEXT)""");

        void Model(ModelBuilder m)
        {
            Models.BlogsAndPosts(m);
            m.Entity("Posts").IndexerProperty<int?>("Score");
        }

        var plan = await Db.PlanAsync(Model);
        Assert.Contains(plan.Operations, o => o.Kind is SchemaOperationKinds.AlterColumn or SchemaOperationKinds.RebuildTable);
        await Db.ApplyAsync(Model);
        Assert.Equal(["10|20", "11|22", "12|24"], await Db.RowsAsync("""SELECT "Id", "Score" + 0 FROM "Posts" ORDER BY "Id" """));
    }

    [Fact]
    public async Task Drop_not_null_and_default_changes_apply()
    {
        await SeedBlogsAndPostsAsync();
        void Model(ModelBuilder m)
        {
            Models.BlogsAndPosts(m);
            m.Entity("Posts").IndexerProperty<string?>("Title").HasMaxLength(200).IsRequired(false).HasDefaultValue("untitled");
        }

        await Db.ApplyAsync(Model);
        await Db.ExecuteAsync("""INSERT INTO "Posts" ("Id", "BlogId") VALUES (13, 2)""");
        await Db.ExecuteAsync("""INSERT INTO "Posts" ("Id", "BlogId", "Title") VALUES (14, 2, NULL)""");
        Assert.Equal(["10|a|1", "11|b|1", "12|c|2", "13|untitled|2", "14|null|2"], await PostsAsync());
    }

    [Fact]
    public async Task Set_not_null_fills_nulls_with_the_model_default()
    {
        await SeedWithTextColumnAsync("Status", """UPDATE "Posts" SET "Status" = 'live' WHERE "Id" = 10""");

        void Model(ModelBuilder m)
        {
            Models.BlogsAndPosts(m);
            m.Entity("Posts").IndexerProperty<string>("Status").IsRequired().HasDefaultValue("draft");
        }

        var plan = await Db.PlanAsync(Model);
        Assert.Empty(plan.Blocked);
        Assert.Contains(plan.Operations, o => o.FixedRows == 2);
        var result = await Db.ApplyAsync(Model);
        Assert.Contains(result.Messages, m => m.Contains("2 row(s) fixed", StringComparison.Ordinal));
        Assert.Equal(["10|live", "11|draft", "12|draft"], await Db.RowsAsync("""SELECT "Id", "Status" FROM "Posts" ORDER BY "Id" """));
    }

    [Fact]
    public async Task Set_not_null_over_nulls_without_a_default_is_blocked()
    {
        await SeedWithTextColumnAsync("Status", """UPDATE "Posts" SET "Status" = 'live' WHERE "Id" = 10""");

        void Model(ModelBuilder m)
        {
            Models.BlogsAndPosts(m);
            m.Entity("Posts").IndexerProperty<string>("Status").IsRequired();
        }

        var plan = await Db.PlanAsync(Model);
        var blocked = Assert.Single(plan.Blocked);
        Assert.Equal("Status", blocked.Column);
        Assert.False(blocked.RequiresDataLoss);
        Assert.Contains("2 row(s) hold NULL", blocked.Reason, StringComparison.Ordinal);
        Assert.Contains("default", blocked.Reason, StringComparison.Ordinal);

        await using var context = Db.Context(Model);
        await Assert.ThrowsAsync<SchemaMigrationException>(() => context.Database.ApplySchemaAsync());
        Assert.Equal(["10|live", "11|null", "12|null"], await Db.RowsAsync("""SELECT "Id", "Status" FROM "Posts" ORDER BY "Id" """));
    }

    [Fact]
    public async Task Rename_annotation_renames_instead_of_drop_and_add()
    {
        await SeedBlogsAndPostsAsync();
        void Model(ModelBuilder m)
        {
            Models.BlogsAndPosts(m);
            m.Entity("Posts").Property<string>("Title").HasColumnName("Headline").HasColumnRenamedFrom("Title");
        }

        var plan = await Db.PlanAsync(Model);
        var rename = Assert.Single(plan.Operations);
        Assert.Equal(SchemaOperationKinds.RenameColumn, rename.Kind);
        Assert.Empty(plan.Blocked);
        await Db.ApplyAsync(Model);
        Assert.Equal(["10|a", "11|b", "12|c"], await Db.RowsAsync("""SELECT "Id", "Headline" FROM "Posts" ORDER BY "Id" """));
    }

    [Fact]
    public async Task Dry_run_applies_nothing()
    {
        await SeedBlogsAndPostsAsync();
        void Model(ModelBuilder m)
        {
            Models.BlogsAndPosts(m);
            m.Entity("Posts").IndexerProperty<string?>("Subtitle");
        }

        await using (var context = Db.Context(Model))
        {
            var result = await context.Database.ApplySchemaAsync(new SchemaMigrationOptions { DryRun = true });
            Assert.False(result.Applied);
            Assert.Single(result.Plan.Operations);
        }

        Assert.Single((await Db.PlanAsync(Model)).Operations);
    }
}
