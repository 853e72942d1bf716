using EfReadCache.Migrations.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Migrations.Tests;

public abstract partial class MigrationScenarioTestBase
{
    [Fact]
    public async Task A_changed_primary_key_is_replaced_and_the_rows_stay()
    {
        await Db.ApplyAsync(m => m.Table("Links", l => l.IndexerProperty<string>("Code").HasMaxLength(20).IsRequired()));
        await Db.ExecuteAsync("""INSERT INTO "Links" ("Id", "Code") VALUES (1, 'a'), (2, 'b')""");
        void Model(ModelBuilder m)
        {
            var links = m.SharedTypeEntity<Dictionary<string, object>>("Links");
            links.ToTable("Links");
            links.IndexerProperty<int>("Id").ValueGeneratedNever();
            links.IndexerProperty<string>("Code").HasMaxLength(20).IsRequired();
            links.HasKey("Code");
        }

        var plan = await Db.PlanAsync(Model);
        Assert.Empty(plan.Blocked);
        Assert.Contains(plan.Operations, o => o.Kind is SchemaOperationKinds.AlterPrimaryKey or SchemaOperationKinds.RebuildTable);
        await Db.ApplyAsync(Model);
        Assert.Equal(["1|a", "2|b"], await Db.RowsAsync("""SELECT "Id", "Code" FROM "Links" ORDER BY "Id" """));
        await Assert.ThrowsAnyAsync<Exception>(() => Db.ExecuteAsync("""INSERT INTO "Links" ("Id", "Code") VALUES (3, 'a')"""));
        await Db.ExecuteAsync("""INSERT INTO "Links" ("Id", "Code") VALUES (1, 'c')""");
    }
}
