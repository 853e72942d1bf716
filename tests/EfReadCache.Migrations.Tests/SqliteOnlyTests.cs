using EfReadCache.Migrations.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Migrations.Tests;

/// <summary>SQLite's table rebuild: built from the live table, so what the model does not know survives.</summary>
public sealed class SqliteOnlyTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _db = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task A_rebuild_keeps_unknown_columns_indexes_triggers_checks_and_views()
    {
        await _db.ApplyAsync(m => Models.BlogsAndPosts(m));
        await _db.ExecuteAsync("""
            INSERT INTO "Blogs" ("Id", "Name") VALUES (1, 'one'), (2, 'two');
            INSERT INTO "Posts" ("Id", "Title", "BlogId") VALUES (10, 'a', 1), (11, 'b', 1), (12, 'c', 2);
            ALTER TABLE "Posts" ADD COLUMN "Legacy" TEXT NOT NULL DEFAULT 'kept' CHECK ("Legacy" <> '');
            UPDATE "Posts" SET "Legacy" = 'legacy-' || "Id";
            CREATE INDEX "IX_Posts_Legacy" ON "Posts" ("Legacy");
            CREATE TRIGGER "TR_Posts_Touch" AFTER UPDATE OF "Title" ON "Posts"
            BEGIN
                UPDATE "Posts" SET "Legacy" = 'touched' WHERE "Id" = NEW."Id";
            END;
            CREATE VIEW "PostTitles" AS SELECT "Id", "Title" FROM "Posts";
            """);

        // Title becomes nullable and the FK changes its ON DELETE action: both need a rebuild.
        void Model(ModelBuilder m)
        {
            Models.BlogsAndPosts(m, onDelete: DeleteBehavior.Restrict);
            m.Entity("Posts").IndexerProperty<string?>("Title").HasMaxLength(200).IsRequired(false);
        }

        var plan = await _db.PlanAsync(Model);
        Assert.Equal(SchemaOperationKinds.RebuildTable, Assert.Single(plan.Operations).Kind);
        Assert.Equal("Legacy", Assert.Single(plan.Blocked).Column);

        await _db.ApplyAsync(Model, new SchemaMigrationOptions { SkipBlocked = true }, expectBlockedAfter: true);

        Assert.Equal(
            ["10|a|1|legacy-10", "11|b|1|legacy-11", "12|c|2|legacy-12"],
            await _db.RowsAsync("""SELECT "Id", "Title", "BlogId", "Legacy" FROM "Posts" ORDER BY "Id" """));
        Assert.Equal(
            ["IX_Posts_BlogId", "IX_Posts_Legacy", "TR_Posts_Touch"],
            await _db.RowsAsync("""SELECT name FROM sqlite_master WHERE tbl_name = 'Posts' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY name"""));

        await _db.ExecuteAsync("""UPDATE "Posts" SET "Title" = NULL WHERE "Id" = 11""");
        Assert.Equal(["11|null|touched"], await _db.RowsAsync("""SELECT "Id", "Title", "Legacy" FROM "Posts" WHERE "Id" = 11"""));
        await Assert.ThrowsAnyAsync<Exception>(() => _db.ExecuteAsync("""UPDATE "Posts" SET "Legacy" = '' WHERE "Id" = 10"""));
        Assert.Equal(["10|a", "11|null", "12|c"], await _db.RowsAsync("""SELECT "Id", "Title" FROM "PostTitles" ORDER BY "Id" """));
        await Assert.ThrowsAnyAsync<Exception>(() => _db.ExecuteAsync("""PRAGMA foreign_keys = ON; DELETE FROM "Blogs" WHERE "Id" = 2"""));

        // AUTOINCREMENT carried over: the next key follows the copied rows.
        await _db.ExecuteAsync("""INSERT INTO "Posts" ("Title", "BlogId") VALUES ('new', 1)""");
        Assert.Equal(["13|new"], await _db.RowsAsync("""SELECT "Id", "Title" FROM "Posts" WHERE "Title" = 'new'"""));
    }

    [Fact]
    public async Task A_rebuild_that_adds_a_foreign_key_to_a_new_table_checks_orphans_and_foreign_keys()
    {
        await _db.ExecuteAsync("""
            CREATE TABLE "Posts" ("Id" INTEGER NOT NULL CONSTRAINT "PK_Posts" PRIMARY KEY AUTOINCREMENT, "Title" TEXT NOT NULL, "BlogId" INTEGER NULL);
            INSERT INTO "Posts" VALUES (10, 'a', 1), (11, 'b', NULL);
            """);
        void Model(ModelBuilder m) => Models.BlogsAndPosts(m, blogIdRequired: false, onDelete: DeleteBehavior.SetNull);

        var plan = await _db.PlanAsync(Model);
        Assert.Contains(plan.Operations, o => o.Kind == SchemaOperationKinds.RebuildTable && o.FixedRows == 1);
        await _db.ApplyAsync(Model);
        Assert.Equal(["10|a|null", "11|b|null"], await _db.RowsAsync("""SELECT "Id", "Title", "BlogId" FROM "Posts" ORDER BY "Id" """));
    }

    [Fact]
    public async Task Quoting_type_spellings_and_restrict_compare_equal()
    {
        await _db.ExecuteAsync("""
            CREATE TABLE Blogs ([Id] integer NOT NULL PRIMARY KEY AUTOINCREMENT, `Name` varchar(200) NOT NULL DEFAULT ('x'));
            CREATE TABLE "Posts" (Id INTEGER NOT NULL PRIMARY KEY, Title nvarchar(200) NOT NULL, BlogId int NOT NULL REFERENCES Blogs (Id) ON DELETE RESTRICT);
            CREATE INDEX posts_blog ON Posts (BlogId);
            """);
        void Model(ModelBuilder m)
        {
            Models.BlogsAndPosts(m, onDelete: DeleteBehavior.NoAction);
            m.Entity("Blogs").IndexerProperty<string>("Name").HasMaxLength(200).IsRequired().HasDefaultValue("x");
        }

        var plan = await _db.PlanAsync(Model);
        Assert.True(plan.IsEmpty, plan.ToString());
    }

    [Fact]
    public async Task Rebuilding_a_principal_table_keeps_the_foreign_keys_that_reference_it()
    {
        await _db.ApplyAsync(m => Models.BlogsAndPosts(m));
        await _db.ExecuteAsync("""
            INSERT INTO "Blogs" ("Id", "Name") VALUES (1, 'one'), (2, 'two');
            INSERT INTO "Posts" ("Id", "Title", "BlogId") VALUES (10, 'a', 1), (11, 'b', 2);
            """);
        void Model(ModelBuilder m)
        {
            Models.BlogsAndPosts(m);
            m.Entity("Blogs").IndexerProperty<string?>("Name").HasMaxLength(200).IsRequired(false);
        }

        var plan = await _db.PlanAsync(Model);
        Assert.Equal("Blogs", Assert.Single(plan.Operations).Table);
        await _db.ApplyAsync(Model);
        Assert.Equal(["1|one", "2|two"], await _db.RowsAsync("""SELECT "Id", "Name" FROM "Blogs" ORDER BY "Id" """));
        await _db.ExecuteAsync("""PRAGMA foreign_keys = ON; DELETE FROM "Blogs" WHERE "Id" = 1""");
        Assert.Equal(["11|b|2"], await _db.RowsAsync("""SELECT "Id", "Title", "BlogId" FROM "Posts" ORDER BY "Id" """));
    }

    [Fact]
    public async Task A_rebuild_keeps_the_table_options()
    {
        await _db.ExecuteAsync("""
            CREATE TABLE "Blogs" ("Id" INTEGER NOT NULL CONSTRAINT "PK_Blogs" PRIMARY KEY AUTOINCREMENT, "Name" TEXT NOT NULL) STRICT;
            INSERT INTO "Blogs" VALUES (1, 'one');
            """);
        void Model(ModelBuilder m) => m.Table("Blogs", b => b.IndexerProperty<string?>("Name").HasMaxLength(200));

        Assert.Equal(SchemaOperationKinds.RebuildTable, Assert.Single((await _db.PlanAsync(Model)).Operations).Kind);
        await _db.ApplyAsync(Model);
        Assert.Equal(["1|one"], await _db.RowsAsync(""" SELECT "Id", "Name" FROM "Blogs" """));
        Assert.EndsWith("STRICT", (await _db.RowsAsync("SELECT sql FROM sqlite_master WHERE name = 'Blogs'"))[0], StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<Exception>(() => _db.ExecuteAsync(""" INSERT INTO "Blogs" VALUES ('not an integer', 'x') """));
    }
}
