using EfReadCache.Migrations.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Migrations.Tests;

public abstract partial class MigrationScenarioTestBase
{
    /// <summary>Blogs and Posts with no relationship between them (Posts.BlogId is a plain column).</summary>
    private static void WithoutForeignKey(ModelBuilder m, bool blogIdRequired)
    {
        m.Table("Blogs", b => b.IndexerProperty<string>("Name").HasMaxLength(200).IsRequired());
        m.Table("Posts", p =>
        {
            p.IndexerProperty<string>("Title").HasMaxLength(200).IsRequired();
            if (blogIdRequired)
            {
                p.IndexerProperty<int>("BlogId");
            }
            else
            {
                p.IndexerProperty<int?>("BlogId");
            }
        });
    }

    private async Task SeedWithOrphansAsync(bool blogIdRequired)
    {
        await Db.ApplyAsync(m => WithoutForeignKey(m, blogIdRequired));
        await Db.ExecuteAsync("""INSERT INTO "Blogs" ("Id", "Name") VALUES (1, 'one'), (2, 'two')""");
        await Db.ExecuteAsync("""INSERT INTO "Posts" ("Id", "Title", "BlogId") VALUES (10, 'a', 1), (11, 'b', 99), (12, 'c', 2), (13, 'd', 98)""");
    }

    [Fact]
    public async Task Orphans_of_a_nullable_foreign_key_are_set_to_null_and_reported()
    {
        await SeedWithOrphansAsync(blogIdRequired: false);
        void Model(ModelBuilder m) => Models.BlogsAndPosts(m, blogIdRequired: false, onDelete: DeleteBehavior.SetNull);

        var plan = await Db.PlanAsync(Model);
        Assert.Empty(plan.Blocked);
        var addForeignKey = plan.Operations.Single(o => o.Description.Contains("foreign key", StringComparison.Ordinal));
        Assert.Equal(2, addForeignKey.FixedRows);
        Assert.Contains(plan.Warnings, w => w.Contains("2 orphan row(s)", StringComparison.Ordinal));

        var result = await Db.ApplyAsync(Model);
        Assert.Contains(result.Messages, m => m.Contains("2 row(s) fixed", StringComparison.Ordinal));
        Assert.Equal(["10|a|1", "11|b|null", "12|c|2", "13|d|null"], await PostsAsync());

        await Db.ExecuteAsync("""DELETE FROM "Blogs" WHERE "Id" = 1""");
        Assert.Equal(["10|a|null", "11|b|null", "12|c|2", "13|d|null"], await PostsAsync());
    }

    [Fact]
    public async Task Orphans_of_a_required_foreign_key_block_it_and_no_row_is_deleted()
    {
        await SeedWithOrphansAsync(blogIdRequired: true);
        void Model(ModelBuilder m)
        {
            Models.BlogsAndPosts(m);
            m.Entity("Blogs").IndexerProperty<string?>("Tagline");
        }

        var plan = await Db.PlanAsync(Model);
        var blocked = Assert.Single(plan.Blocked);
        Assert.Equal(SchemaOperationKinds.AddForeignKey, blocked.Kind);
        Assert.Equal("Posts", blocked.Table);
        Assert.Contains("BlogId", blocked.Reason, StringComparison.Ordinal);
        Assert.Contains("Blogs", blocked.Reason, StringComparison.Ordinal);
        Assert.Contains("2 row(s)", blocked.Reason, StringComparison.Ordinal);
        Assert.Contains("No row is deleted", blocked.Reason, StringComparison.Ordinal);

        await using (var context = Db.Context(Model))
        {
            var exception = await Assert.ThrowsAsync<SchemaMigrationException>(() => context.Database.ApplySchemaAsync());
            Assert.Contains("BlogId", exception.Message, StringComparison.Ordinal);
        }

        var result = await Db.ApplyAsync(Model, new SchemaMigrationOptions { SkipBlocked = true }, expectBlockedAfter: true);
        Assert.True(result.Applied);
        Assert.Contains(result.Messages, m => m.Contains("Skipped", StringComparison.Ordinal) && m.Contains("BlogId", StringComparison.Ordinal));
        Assert.Equal(["10|a|1", "11|b|99", "12|c|2", "13|d|98"], await PostsAsync());
        Assert.Equal(["1|null", "2|null"], await Db.RowsAsync("""SELECT "Id", "Tagline" FROM "Blogs" ORDER BY "Id" """));
    }

    [Fact]
    public async Task A_foreign_key_whose_actions_change_is_dropped_then_added()
    {
        await SeedBlogsAndPostsAsync();
        void Model(ModelBuilder m) => Models.BlogsAndPosts(m, onDelete: DeleteBehavior.Restrict);

        var plan = await Db.PlanAsync(Model);
        Assert.Empty(plan.Blocked);
        if (Db.IsPostgres)
        {
            Assert.Equal([SchemaOperationKinds.DropForeignKey, SchemaOperationKinds.AddForeignKey], plan.Operations.Select(o => o.Kind));
        }
        else
        {
            Assert.Equal(SchemaOperationKinds.RebuildTable, Assert.Single(plan.Operations).Kind);
        }

        await Db.ApplyAsync(Model);
        Assert.Equal(["10|a|1", "11|b|1", "12|c|2"], await PostsAsync());
        await Assert.ThrowsAnyAsync<Exception>(() => Db.ExecuteAsync(Db.IsPostgres
            ? """DELETE FROM "Blogs" WHERE "Id" = 1"""
            : """PRAGMA foreign_keys = ON; DELETE FROM "Blogs" WHERE "Id" = 1"""));
        Assert.Equal(3, (await PostsAsync()).Count);
    }

    [Fact]
    public async Task On_update_is_introspected_and_compared()
    {
        await SeedBlogsAndPostsAsync();
        var foreignKeyName = Db.IsPostgres
            ? (await Db.RowsAsync("SELECT conname FROM pg_constraint WHERE contype = 'f'"))[0]
            : null;
        if (Db.IsPostgres)
        {
            await Db.ExecuteAsync($"""ALTER TABLE "Posts" DROP CONSTRAINT "{foreignKeyName}" """);
            await Db.ExecuteAsync($"""ALTER TABLE "Posts" ADD CONSTRAINT "{foreignKeyName}" FOREIGN KEY ("BlogId") REFERENCES "Blogs" ("Id") ON DELETE CASCADE ON UPDATE CASCADE""");
        }
        else
        {
            await Db.ExecuteAsync("""
                CREATE TABLE "Posts2" ("Id" INTEGER NOT NULL CONSTRAINT "PK_Posts" PRIMARY KEY AUTOINCREMENT, "Title" TEXT NOT NULL, "BlogId" INTEGER NOT NULL,
                  CONSTRAINT "FK_Posts_Blogs_BlogId" FOREIGN KEY ("BlogId") REFERENCES "Blogs" ("Id") ON DELETE CASCADE ON UPDATE CASCADE);
                INSERT INTO "Posts2" SELECT "Id", "Title", "BlogId" FROM "Posts";
                DROP TABLE "Posts";
                ALTER TABLE "Posts2" RENAME TO "Posts";
                CREATE INDEX "IX_Posts_BlogId" ON "Posts" ("BlogId");
                """);
        }

        var plan = await Db.PlanAsync(m => Models.BlogsAndPosts(m));
        Assert.Contains(plan.Operations, o => o.Description.Contains("ON UPDATE NO ACTION", StringComparison.Ordinal));
        await Db.ApplyAsync(m => Models.BlogsAndPosts(m));
        Assert.Equal(["10|a|1", "11|b|1", "12|c|2"], await PostsAsync());
    }

    [Fact]
    public async Task Adds_and_drops_indexes()
    {
        await SeedBlogsAndPostsAsync();
        await Db.ExecuteAsync("""CREATE INDEX "IX_Handmade" ON "Blogs" ("Name")""");
        void Model(ModelBuilder m)
        {
            Models.BlogsAndPosts(m);
            m.Entity("Posts").HasIndex("Title").HasDatabaseName("IX_Posts_Title").HasFilter(Db.IsPostgres ? "\"Title\" <> ''" : "\"Title\" <> ''");
        }

        var plan = await Db.PlanAsync(Model);
        Assert.Equal([SchemaOperationKinds.DropIndex, SchemaOperationKinds.CreateIndex], plan.Operations.Select(o => o.Kind));
        await Db.ApplyAsync(Model);
        Assert.Equal(["10|a|1", "11|b|1", "12|c|2"], await PostsAsync());
    }

    [Fact]
    public async Task A_unique_index_over_duplicates_is_blocked()
    {
        await SeedBlogsAndPostsAsync();
        await Db.ExecuteAsync("""UPDATE "Posts" SET "Title" = 'same' WHERE "Id" IN (10, 12)""");
        void Model(ModelBuilder m)
        {
            Models.BlogsAndPosts(m);
            m.Entity("Posts").HasIndex("Title").IsUnique();
        }

        var plan = await Db.PlanAsync(Model);
        var blocked = Assert.Single(plan.Blocked);
        Assert.Equal(SchemaOperationKinds.CreateIndex, blocked.Kind);
        Assert.Contains("1 value(s) occur more than once", blocked.Reason, StringComparison.Ordinal);

        await Db.ExecuteAsync("""UPDATE "Posts" SET "Title" = 'other' WHERE "Id" = 12""");
        await Db.ApplyAsync(Model);
        await Assert.ThrowsAnyAsync<Exception>(() => Db.ExecuteAsync("""UPDATE "Posts" SET "Title" = 'other' WHERE "Id" = 10"""));
    }

    [Fact]
    public async Task A_type_change_whose_data_does_not_convert_fails_cleanly_and_rolls_back()
    {
        await SeedWithTextColumnAsync("Score", """UPDATE "Posts" SET "Score" = CASE WHEN "Id" = 11 THEN 'eleven' ELSE '5' END""");

        void Model(ModelBuilder m)
        {
            Models.BlogsAndPosts(m);
            m.Entity("Posts").IndexerProperty<int?>("Score");
            m.Table("Tags");
        }

        await using (var context = Db.Context(Model))
        {
            var exception = await Assert.ThrowsAsync<SchemaMigrationException>(() => context.Database.ApplySchemaAsync());
            Assert.NotNull(exception.Operation);
            Assert.Equal("Posts", exception.Operation!.Table);
            Assert.Contains("Score", exception.Message, StringComparison.Ordinal);
            Assert.Contains("rolled back", exception.Message, StringComparison.Ordinal);
        }

        Assert.Equal(["10|5", "11|eleven", "12|5"], await Db.RowsAsync("""SELECT "Id", "Score" FROM "Posts" ORDER BY "Id" """));
        var plan = await Db.PlanAsync(Model);
        Assert.Contains(plan.Operations, o => o.Kind == SchemaOperationKinds.CreateTable && o.Table == "Tags");
    }
}
