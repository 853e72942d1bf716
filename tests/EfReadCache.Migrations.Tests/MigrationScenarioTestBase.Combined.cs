using EfReadCache.Migrations.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Migrations.Tests;

public abstract partial class MigrationScenarioTestBase
{
    private static void BeforeCombined(ModelBuilder m)
    {
        m.Table("Blogs", b => b.IndexerProperty<string>("Name").HasMaxLength(200).IsRequired());
        m.Table("Posts", p =>
        {
            p.IndexerProperty<string>("Title").HasMaxLength(200).IsRequired();
            p.IndexerProperty<int?>("BlogId");
            p.IndexerProperty<string?>("Status");
        });
    }

    /// <summary>A rename, a NOT NULL with a default fill, a new FK over orphans, a new table and new indexes, all in one plan.</summary>
    private static void AfterCombined(ModelBuilder m)
    {
        m.Table("Blogs", b => b.IndexerProperty<string>("Name").HasMaxLength(200).IsRequired());
        m.Table("Posts", p =>
        {
            p.IndexerProperty<string>("Title").HasMaxLength(200).IsRequired().HasColumnName("Headline").HasColumnRenamedFrom("Title");
            p.IndexerProperty<int?>("BlogId");
            p.IndexerProperty<string>("Status").IsRequired().HasDefaultValue("draft");
            p.HasOne("Blogs").WithMany().HasForeignKey("BlogId").OnDelete(DeleteBehavior.SetNull);
            p.HasIndex("Title");
        });
        m.Table("Tags", t => t.IndexerProperty<string>("Label").HasMaxLength(40).IsRequired());
    }

    [Fact]
    public async Task A_combined_plan_applies_in_order_and_keeps_every_row()
    {
        await Db.ApplyAsync(BeforeCombined);
        await Db.ExecuteAsync("""INSERT INTO "Blogs" ("Id", "Name") VALUES (1, 'one')""");
        await Db.ExecuteAsync("""INSERT INTO "Posts" ("Id", "Title", "BlogId", "Status") VALUES (10, 'a', 1, NULL), (11, 'b', 42, 'live'), (12, 'c', NULL, NULL)""");
        await Db.ExecuteAsync("""ALTER TABLE "Posts" ADD COLUMN "LegacyScore" INTEGER""");
        await Db.ExecuteAsync("""UPDATE "Posts" SET "LegacyScore" = "Id" * 10""");

        var plan = await Db.PlanAsync(AfterCombined);
        Assert.Equal(SchemaOperationKinds.RenameColumn, plan.Operations[0].Kind);
        Assert.Equal("LegacyScore", Assert.Single(plan.Blocked).Column);
        Assert.Equal(2, plan.Warnings.Count);
        string[] order =
        [
            SchemaOperationKinds.CreateSchema, SchemaOperationKinds.DropForeignKey, SchemaOperationKinds.DropIndex, SchemaOperationKinds.RenameColumn,
            SchemaOperationKinds.AlterColumn, SchemaOperationKinds.DropColumn, SchemaOperationKinds.DropTable, SchemaOperationKinds.CreateTable,
            SchemaOperationKinds.RebuildTable, SchemaOperationKinds.AddColumn, SchemaOperationKinds.AlterPrimaryKey, SchemaOperationKinds.CreateIndex,
            SchemaOperationKinds.AddForeignKey,
        ];
        var ranks = plan.Operations.Select(o => Array.IndexOf(order, o.Kind)).ToList();
        Assert.Equal(ranks.Order(), ranks);
        Assert.Equal(
            Db.IsPostgres
                ? [SchemaOperationKinds.RenameColumn, SchemaOperationKinds.AlterColumn, SchemaOperationKinds.CreateTable, SchemaOperationKinds.CreateIndex, SchemaOperationKinds.CreateIndex, SchemaOperationKinds.AddForeignKey]
                : [SchemaOperationKinds.RenameColumn, SchemaOperationKinds.CreateTable, SchemaOperationKinds.RebuildTable, SchemaOperationKinds.CreateIndex, SchemaOperationKinds.CreateIndex],
            plan.Operations.Select(o => o.Kind));

        var result = await Db.ApplyAsync(AfterCombined, new SchemaMigrationOptions { SkipBlocked = true }, expectBlockedAfter: true);
        Assert.True(result.Applied);
        Assert.Equal(
            ["10|a|1|draft|100", "11|b|null|live|110", "12|c|null|draft|120"],
            await Db.RowsAsync("""SELECT "Id", "Headline", "BlogId", "Status", "LegacyScore" FROM "Posts" ORDER BY "Id" """));
        Assert.Equal(["1|one"], await Db.RowsAsync("""SELECT "Id", "Name" FROM "Blogs" """));
        await Db.ExecuteAsync("""INSERT INTO "Tags" ("Label") VALUES ('x')""");
    }
}
