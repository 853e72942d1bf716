using EfReadCache.Migrations.Internal.Apply;
using EfReadCache.Migrations.Internal.Diff;
using EfReadCache.Migrations.Internal.Model;

namespace EfReadCache.Migrations.Internal.Planning;

/// <summary>Plans PostgreSQL operations: plain ALTER statements, all applied in one transaction.</summary>
internal sealed class PostgresPlanner : SchemaPlanner
{
    public PostgresPlanner(MigrationSession session, SchemaMigrationOptions options, DatabaseSnapshot live, SchemaDiff diff)
        : base(session, options, live, diff)
    {
    }

    protected override void PlanStart()
    {
        if (!Live.SchemaExists && Live.Schema is not null)
        {
            Plan.Add(PlanStage.CreateSchema, new SchemaOperation(
                SchemaOperationKinds.CreateSchema, Live.Schema, "create the model's schema", [$"CREATE SCHEMA IF NOT EXISTS {Sql.Quote(Live.Schema)};"]));
        }
    }

    /// <summary>The table's own FKs go first, with the other FK drops, so the keys they reference can be dropped before it.</summary>
    protected override void PlanDropTable(TableSnapshot table)
    {
        foreach (var foreignKey in table.ForeignKeys)
        {
            Plan.Add(PlanStage.DropForeignKey, new SchemaOperation(
                SchemaOperationKinds.DropForeignKey, table.Name, $"drop foreign key {foreignKey.Name} {foreignKey.Describe()} (the table is dropped)",
                [$"ALTER TABLE {Sql.Quote(table.Name)} DROP CONSTRAINT {Sql.Quote(foreignKey.Name!)};"]));
        }

        base.PlanDropTable(table);
    }

    protected override void PlanCreatedTable(TableSnapshot table)
    {
        Plan.Add(PlanStage.CreateTable, new SchemaOperation(
            SchemaOperationKinds.CreateTable, table.Name, $"create the table ({table.Columns.Count} columns)", [PostgresDdl.CreateTable(table)]));
        foreach (var index in table.Indexes)
        {
            Plan.Add(PlanStage.CreateIndex, new SchemaOperation(
                SchemaOperationKinds.CreateIndex, table.Name, $"create index {index.Name} {index.Describe()}", [PostgresDdl.CreateIndex(table.Name, index)]));
        }

        foreach (var foreignKey in table.ForeignKeys)
        {
            Plan.Add(PlanStage.AddForeignKey, new SchemaOperation(
                SchemaOperationKinds.AddForeignKey, table.Name, $"add foreign key {foreignKey.Describe()}", [PostgresDdl.AddForeignKey(table.Name, foreignKey)]));
        }
    }

    protected override async Task PlanAlteredTableAsync(TableDiff table, CancellationToken cancellationToken)
    {
        var name = Sql.Quote(table.Name);
        foreach (var foreignKey in table.DroppedForeignKeys)
        {
            Plan.Add(PlanStage.DropForeignKey, new SchemaOperation(
                SchemaOperationKinds.DropForeignKey, table.Name, $"drop foreign key {foreignKey.Name} {foreignKey.Describe()}",
                [$"ALTER TABLE {Sql.Quote(table.Live.Name)} DROP CONSTRAINT {Sql.Quote(foreignKey.Name!)};"]));
        }

        foreach (var index in table.DroppedIndexes)
        {
            Plan.Add(PlanStage.DropIndex, new SchemaOperation(
                SchemaOperationKinds.DropIndex, table.Name, $"drop index {index.Name} {index.Describe()}", [PostgresDdl.DropIndex(table.Live.Name, index)]));
        }

        foreach (var change in table.ChangedColumns)
        {
            if (change.Renamed)
            {
                Plan.Add(PlanStage.RenameColumn, new SchemaOperation(
                    SchemaOperationKinds.RenameColumn, table.Name, $"rename column {change.Live.Name} to {change.Desired.Name}",
                    [$"ALTER TABLE {name} RENAME COLUMN {Sql.Quote(change.Live.Name)} TO {Sql.Quote(change.Desired.Name)};"])
                {
                    Column = change.Desired.Name,
                });
            }

            if (change.IsAltered)
            {
                await PlanAlterColumnAsync(table, change, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var column in table.DroppedColumns)
        {
            if (AllowDrop(SchemaOperationKinds.DropColumn, table.Name, column.Name, $"Column {table.Name}.{column.Name}"))
            {
                Plan.Add(PlanStage.DropColumn, new SchemaOperation(
                    SchemaOperationKinds.DropColumn, table.Name, $"drop column {column.Name} (not in the model)",
                    [$"ALTER TABLE {name} DROP COLUMN {Sql.Quote(column.Name)};"], losesData: true)
                {
                    Column = column.Name,
                });
            }
        }

        foreach (var column in table.AddedColumns)
        {
            await PlanAddColumnAsync(table, column, cancellationToken).ConfigureAwait(false);
        }

        if (table.PrimaryKeyChanged)
        {
            var sql = new List<string>();
            if (table.Live.PrimaryKeyName is not null)
            {
                sql.Add($"ALTER TABLE {name} DROP CONSTRAINT {Sql.Quote(table.Live.PrimaryKeyName)};");
            }

            if (table.Desired.PrimaryKey.Count > 0)
            {
                sql.Add($"ALTER TABLE {name} ADD CONSTRAINT {Sql.Quote(table.Desired.PrimaryKeyName ?? "PK_" + table.Name)} PRIMARY KEY ({Sql.QuoteList(table.Desired.PrimaryKey)});");
            }

            Plan.Add(PlanStage.AlterPrimaryKey, new SchemaOperation(
                SchemaOperationKinds.AlterPrimaryKey, table.Name,
                $"primary key ({string.Join(", ", table.Live.PrimaryKey)}) -> ({string.Join(", ", table.Desired.PrimaryKey)})", sql));
        }

        foreach (var index in table.AddedIndexes)
        {
            if (await CheckUniqueIndexAsync(table, table.Name, index, cancellationToken).ConfigureAwait(false))
            {
                Plan.Add(PlanStage.CreateIndex, new SchemaOperation(
                    SchemaOperationKinds.CreateIndex, table.Name, $"create index {index.Name} {index.Describe()}", [PostgresDdl.CreateIndex(table.Name, index)]));
            }
        }

        foreach (var foreignKey in table.AddedForeignKeys)
        {
            var check = await CheckForeignKeyAsync(table, table.Desired, foreignKey, cancellationToken).ConfigureAwait(false);
            if (check.Blocked)
            {
                continue;
            }

            var sql = new List<string>();
            var description = $"add foreign key {foreignKey.Describe()}";
            if (check.Orphans > 0)
            {
                sql.Add(OrphanFixSql(table.Name, foreignKey, check.NullableColumns));
                description += $"; sets {string.Join(", ", check.NullableColumns)} to NULL in {check.Orphans} orphan row(s)";
            }

            sql.Add(PostgresDdl.AddForeignKey(table.Name, foreignKey));
            Plan.Add(PlanStage.AddForeignKey, new SchemaOperation(SchemaOperationKinds.AddForeignKey, table.Name, description, sql)
            {
                Column = string.Join(", ", foreignKey.Columns),
                FixedRows = check.Orphans > 0 ? check.Orphans : null,
            });
        }
    }

    private async Task PlanAlterColumnAsync(TableDiff table, ColumnChange change, CancellationToken cancellationToken)
    {
        var narrowing = change.TypeChanged && StoreTypes.IsNarrowingPostgres(change.Live.StoreType, change.Desired.StoreType);
        if (IsBlockedNarrowing(table, change, narrowing))
        {
            return;
        }

        var fill = await CheckSetNotNullAsync(table, change, cancellationToken).ConfigureAwait(false);
        if (fill is null)
        {
            return;
        }

        var alter = $"ALTER TABLE {Sql.Quote(table.Name)} ALTER COLUMN {Sql.Quote(change.Desired.Name)}";
        var desired = change.Desired;
        var sql = new List<string>();
        if (change.ComputedChanged)
        {
            sql.Add($"ALTER TABLE {Sql.Quote(table.Name)} DROP COLUMN {Sql.Quote(desired.Name)};");
            sql.Add($"ALTER TABLE {Sql.Quote(table.Name)} ADD COLUMN {PostgresDdl.ColumnDefinition(desired)};");
        }
        else
        {
            if (change.Live.DefaultSql is not null && (change.DefaultChanged || change.TypeChanged))
            {
                sql.Add($"{alter} DROP DEFAULT;");
            }

            if (change.IdentityChanged && change.Live.Identity is not null)
            {
                sql.Add($"{alter} DROP IDENTITY;");
            }

            if (change.TypeChanged)
            {
                sql.Add($"{alter} TYPE {desired.StoreType}{UsingClause(change)};");
            }

            if (fill > 0)
            {
                sql.Add($"UPDATE {Sql.Quote(table.Name)} SET {Sql.Quote(desired.Name)} = {desired.DefaultSql} WHERE {Sql.Quote(desired.Name)} IS NULL;");
            }

            if (change.NullabilityChanged)
            {
                sql.Add($"{alter} {(desired.IsNullable ? "DROP" : "SET")} NOT NULL;");
            }

            if (desired.DefaultSql is not null && (change.DefaultChanged || change.TypeChanged))
            {
                sql.Add($"{alter} SET DEFAULT {desired.DefaultSql};");
            }

            if (change.IdentityChanged && desired.Identity is not null)
            {
                sql.Add($"{alter} ADD GENERATED {(desired.Identity == "a" ? "ALWAYS" : "BY DEFAULT")} AS IDENTITY;");
                // The identity's own sequence continues after the existing values (a former serial's sequence may
                // still be attached to the column, so pg_get_serial_sequence could name the wrong one).
                sql.Add($"DO $efrc$ BEGIN EXECUTE format('ALTER TABLE %I ALTER COLUMN %I RESTART WITH %s', {Sql.Literal(table.Name)}, {Sql.Literal(desired.Name)}, "
                    + $"(SELECT coalesce(max({Sql.Quote(desired.Name)}), 0) + 1 FROM {Sql.Quote(table.Name)})); END $efrc$;");
            }
        }

        var description = change.Describe() + (fill > 0 ? $"; fills {fill} NULL(s) with the default" : "") + (narrowing ? " (narrowing)" : "");
        Plan.Add(PlanStage.AlterColumn, new SchemaOperation(SchemaOperationKinds.AlterColumn, table.Name, description, sql, losesData: narrowing)
        {
            Column = desired.Name,
            FixedRows = fill > 0 ? fill : null,
        });
    }

    /// <summary>
    ///     No USING clause where an assignment cast exists (same base type, or a string target): it fails on values that do
    ///     not fit, where an explicit cast to <c>varchar(n)</c> would silently truncate them. Otherwise an explicit cast.
    /// </summary>
    private static string UsingClause(ColumnChange change)
    {
        var from = StoreTypes.Parse(StoreTypes.NormalizePostgres(change.Live.StoreType)).Base;
        var to = StoreTypes.Parse(StoreTypes.NormalizePostgres(change.Desired.StoreType)).Base;
        return from == to || to is "text" or "character varying" or "character"
            ? ""
            : $" USING {Sql.Quote(change.Desired.Name)}::{change.Desired.StoreType}";
    }

    private async Task PlanAddColumnAsync(TableDiff table, ColumnSnapshot column, CancellationToken cancellationToken)
    {
        var add = $"ALTER TABLE {Sql.Quote(table.Name)} ADD COLUMN";
        var sql = new List<string>();
        var description = $"add column {column.Name} {column.StoreType}{(column.IsNullable ? "" : " NOT NULL")}";
        var needsFill = !column.IsNullable && column.DefaultSql is null && column.Identity is null && column.ComputedSql is null
            && await DataChecks.CountRowsAsync(Session, table.Live.Name, cancellationToken).ConfigureAwait(false) > 0;
        if (needsFill && PostgresDdl.ZeroLiteral(column.StoreType) is { } zero)
        {
            sql.Add($"{add} {PostgresDdl.ColumnDefinition(column)} DEFAULT {zero};");
            sql.Add($"ALTER TABLE {Sql.Quote(table.Name)} ALTER COLUMN {Sql.Quote(column.Name)} DROP DEFAULT;");
            description += $"; existing rows get {zero}";
            Plan.Warnings.Add($"{table.Name}.{column.Name} is NOT NULL without a default: existing rows get {zero}.");
        }
        else if (needsFill)
        {
            Plan.Block(new BlockedOperation(
                SchemaOperationKinds.AddColumn, table.Name,
                $"{table.Name}.{column.Name} ({column.StoreType}) is NOT NULL without a default, and the table has rows. Give the property a default value, then plan again.")
            {
                Column = column.Name,
            });
            return;
        }
        else
        {
            sql.Add($"{add} {PostgresDdl.ColumnDefinition(column)};");
        }

        Plan.Add(PlanStage.AddColumn, new SchemaOperation(SchemaOperationKinds.AddColumn, table.Name, description, sql) { Column = column.Name });
    }
}
