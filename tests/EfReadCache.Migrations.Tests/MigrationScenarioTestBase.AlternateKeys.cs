using EfReadCache.Migrations.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Migrations.Tests;

public abstract partial class MigrationScenarioTestBase
{
    private static void BlogsWithCode(ModelBuilder m, bool alternateKey)
    {
        m.Table("Blogs", b =>
        {
            b.IndexerProperty<string>("Code").HasMaxLength(10).IsRequired();
            if (alternateKey)
            {
                b.HasAlternateKey("Code");
            }
        });
        if (alternateKey)
        {
            m.Table("Posts", p =>
            {
                p.IndexerProperty<string>("BlogCode").HasMaxLength(10).IsRequired();
                p.HasOne("Blogs").WithMany().HasForeignKey("BlogCode").HasPrincipalKey("Code");
            });
        }
    }

    [Fact]
    public async Task An_alternate_key_added_to_an_existing_table_is_checked_for_duplicates_and_then_created()
    {
        await Db.ApplyAsync(m => BlogsWithCode(m, alternateKey: false));
        await Db.ExecuteAsync("""INSERT INTO "Blogs" ("Id", "Code") VALUES (1, 'a'), (2, 'b'), (3, 'a')""");

        var plan = await Db.PlanAsync(m => BlogsWithCode(m, alternateKey: true));
        var blocked = Assert.Single(plan.Blocked);
        Assert.Contains("more than once", blocked.Reason, StringComparison.Ordinal);

        await Db.ExecuteAsync("""UPDATE "Blogs" SET "Code" = 'c' WHERE "Id" = 3""");
        await Db.ApplyAsync(m => BlogsWithCode(m, alternateKey: true));
        Assert.Equal(["1|a", "2|b", "3|c"], await Db.RowsAsync("""SELECT "Id", "Code" FROM "Blogs" ORDER BY "Id" """));
        await Assert.ThrowsAnyAsync<Exception>(() => Db.ExecuteAsync("""INSERT INTO "Blogs" ("Id", "Code") VALUES (4, 'a')"""));
        await Db.ExecuteAsync("""INSERT INTO "Posts" ("Id", "BlogCode") VALUES (1, 'b')""");
        await Assert.ThrowsAnyAsync<Exception>(() => Db.ExecuteAsync(Db.IsPostgres
            ? """INSERT INTO "Posts" ("Id", "BlogCode") VALUES (2, 'zz')"""
            : """PRAGMA foreign_keys = ON; INSERT INTO "Posts" ("Id", "BlogCode") VALUES (2, 'zz')"""));

        // And back: dropping the alternate key (and Posts, with data loss allowed) converges too.
        await Db.ApplyAsync(m => BlogsWithCode(m, alternateKey: false), AllowDataLoss);
        await Db.ExecuteAsync("""INSERT INTO "Blogs" ("Id", "Code") VALUES (4, 'a')""");
    }
}
