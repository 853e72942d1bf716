namespace EfReadCache.Migrations.Internal.Planning;

/// <summary>
///     The order operations run in: a missing schema, FK drops, index drops, column renames, alters and drops, table drops, new tables,
///     SQLite rebuilds (they may add FKs to the new tables), new columns, primary keys, indexes, FK adds.
/// </summary>
internal enum PlanStage
{
    CreateSchema,
    DropForeignKey,
    DropIndex,
    RenameColumn,
    AlterColumn,
    DropColumn,
    DropTable,
    CreateTable,
    RebuildTable,
    AddColumn,
    AlterPrimaryKey,
    CreateIndex,
    AddForeignKey,
}
