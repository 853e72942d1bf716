using EfReadCache.Migrations.Internal.Apply;
using EfReadCache.Migrations.Internal.Diff;
using EfReadCache.Migrations.Internal.Model;

namespace EfReadCache.Migrations.Internal.Planning;

/// <summary>
///     Plans SQLite operations. What ALTER TABLE can do (add a plain column, rename a column, indexes) is done in place;
///     everything else is one rebuild of the table from its live definition.
/// </summary>
internal sealed class SqlitePlanner : SchemaPlanner
{
    public SqlitePlanner(MigrationSession session, SchemaMigrationOptions options, DatabaseSnapshot live, SchemaDiff diff)
        : base(session, options, live, diff)
    {
    }

    protected override void PlanCreatedTable(TableSnapshot table)
    {
        Plan.Add(PlanStage.CreateTable, new SchemaOperation(
            SchemaOperationKinds.CreateTable, table.Name,
            $"create the table ({table.Columns.Count} columns{(table.ForeignKeys.Count > 0 ? $", {table.ForeignKeys.Count} foreign keys" : "")})",
            [table.CreateSql! + ";"]));
        foreach (var index in table.Indexes.Where(i => !i.IsConstraint))
        {
            Plan.Add(PlanStage.CreateIndex, CreateIndex(table.Name, index));
        }
    }

    protected override async Task PlanAlteredTableAsync(TableDiff table, CancellationToken cancellationToken)
    {
        var rebuild = new SqliteRebuild(table);
        var changes = new List<string>();
        var losesData = false;
        long fixedRows = 0;

        foreach (var index in table.DroppedIndexes.Where(i => i.IsConstraint))
        {
            changes.Add($"drop unique constraint {index.Name} ({string.Join(", ", index.Columns)})");
        }

        foreach (var index in table.AddedIndexes.Where(i => i.IsConstraint))
        {
            if (await CheckUniqueIndexAsync(table, table.Name, index, cancellationToken).ConfigureAwait(false))
            {
                changes.Add($"add unique constraint {index.Name} ({string.Join(", ", index.Columns)})");
            }
            else
            {
                rebuild.SkippedUniqueConstraints.Add(index);
            }
        }

        foreach (var index in table.DroppedIndexes.Where(i => !i.IsConstraint))
        {
            rebuild.DroppedIndexes.Add(index.Name);
            Plan.Add(PlanStage.DropIndex, new SchemaOperation(
                SchemaOperationKinds.DropIndex, table.Name, $"drop index {index.Name} {index.Describe()}", [$"DROP INDEX {Sql.Quote(index.Name)};"]));
        }

        foreach (var change in table.ChangedColumns)
        {
            if (change.Renamed)
            {
                Plan.Add(PlanStage.RenameColumn, new SchemaOperation(
                    SchemaOperationKinds.RenameColumn, table.Name, $"rename column {change.Live.Name} to {change.Desired.Name}",
                    [$"ALTER TABLE {Sql.Quote(table.Name)} RENAME COLUMN {Sql.Quote(change.Live.Name)} TO {Sql.Quote(change.Desired.Name)};"])
                {
                    Column = change.Desired.Name,
                });
            }

            if (!change.IsAltered)
            {
                continue;
            }

            var fill = await CheckSetNotNullAsync(table, change, cancellationToken).ConfigureAwait(false);
            if (fill is null)
            {
                rebuild.KeptColumns.Add(change.Desired.Name);
                continue;
            }

            if (fill > 0)
            {
                rebuild.FillNulls[change.Desired.Name] = change.Desired.DefaultSql!;
                fixedRows += fill.Value;
            }

            changes.Add($"{change.Desired.Name}: {change.Describe()}{(fill > 0 ? $" (fills {fill} NULLs with the default)" : "")}");
        }

        foreach (var column in table.DroppedColumns)
        {
            if (AllowDrop(SchemaOperationKinds.DropColumn, table.Name, column.Name, $"Column {table.Name}.{column.Name}"))
            {
                rebuild.DroppedColumns.Add(column.Name);
                changes.Add($"drop column {column.Name}");
                losesData = true;
            }
        }

        if (table.PrimaryKeyChanged)
        {
            changes.Add($"primary key ({string.Join(", ", table.Live.PrimaryKey)}) -> ({string.Join(", ", table.Desired.PrimaryKey)})");
        }

        foreach (var foreignKey in table.DroppedForeignKeys)
        {
            changes.Add($"drop foreign key {foreignKey.Describe()}");
        }

        foreach (var foreignKey in table.AddedForeignKeys)
        {
            var check = await CheckForeignKeyAsync(table, table.Desired, foreignKey, cancellationToken).ConfigureAwait(false);
            if (check.Blocked)
            {
                rebuild.SkippedForeignKeys.Add(foreignKey);
                continue;
            }

            changes.Add($"add foreign key {foreignKey.Describe()}");
            if (check.Orphans > 0)
            {
                rebuild.AfterSwap.Add(OrphanFixSql(table.Name, foreignKey, check.NullableColumns));
                changes.Add($"set {string.Join(", ", check.NullableColumns)} to NULL in {check.Orphans} orphan row(s)");
                fixedRows += check.Orphans;
            }
        }

        var simpleColumns = table.AddedColumns.Where(c => CanAddInPlace(table, c)).ToList();
        var needsRebuild = changes.Count > 0 || simpleColumns.Count < table.AddedColumns.Count;
        if (needsRebuild)
        {
            foreach (var column in table.AddedColumns)
            {
                changes.Add($"add column {column.Name} {column.StoreType}{(column.IsNullable ? "" : " NOT NULL")}");
                if (!column.IsNullable && column.DefaultSql is null && column.ComputedSql is null
                    && await DataChecks.CountRowsAsync(Session, table.Live.Name, cancellationToken).ConfigureAwait(false) > 0)
                {
                    Plan.Warnings.Add($"{table.Name}.{column.Name} is NOT NULL without a default: existing rows get {SqliteRebuild.ZeroLiteral(column.StoreType)}.");
                }
            }

            Plan.Add(PlanStage.RebuildTable, new SchemaOperation(
                SchemaOperationKinds.RebuildTable, table.Name, "rebuild from the live table: " + string.Join("; ", changes), rebuild.BuildSql(), losesData)
            {
                FixedRows = fixedRows > 0 ? fixedRows : null,
                Checks = ConversionChecks(table, rebuild),
            });
        }
        else
        {
            foreach (var column in table.AddedColumns)
            {
                Plan.Add(PlanStage.AddColumn, new SchemaOperation(
                    SchemaOperationKinds.AddColumn, table.Name, $"add column {column.Name} {column.StoreType}{(column.IsNullable ? "" : " NOT NULL")}",
                    [$"ALTER TABLE {Sql.Quote(table.Name)} ADD COLUMN {Definition(table.Desired, column.Name)};"])
                {
                    Column = column.Name,
                });
            }
        }

        foreach (var index in table.AddedIndexes.Where(i => !i.IsConstraint))
        {
            if (await CheckUniqueIndexAsync(table, table.Name, index, cancellationToken).ConfigureAwait(false))
            {
                Plan.Add(PlanStage.CreateIndex, CreateIndex(table.Name, index));
            }
        }
    }

    /// <summary>
    ///     SQLite stores a value that does not fit a numeric column's affinity as it was (e.g. text in an INTEGER column).
    ///     After a rebuild that changes a column to a numeric affinity, any such value fails the apply.
    /// </summary>
    private static List<(string, string)> ConversionChecks(TableDiff table, SqliteRebuild rebuild)
    {
        var checks = new List<(string, string)>();
        foreach (var change in table.ChangedColumns.Where(c => c.TypeChanged && !rebuild.KeptColumns.Contains(c.Desired.Name)))
        {
            var allowed = StoreTypes.SqliteAffinity(change.Desired.StoreType) switch
            {
                "INTEGER" => "'integer', 'null'",
                "REAL" or "NUMERIC" => "'integer', 'real', 'null'",
                _ => null,
            };
            if (allowed is not null)
            {
                checks.Add((
                    $"SELECT count(*) FROM {Sql.Quote(table.Name)} WHERE typeof({Sql.Quote(change.Desired.Name)}) NOT IN ({allowed})",
                    $"value(s) of {table.Name}.{change.Desired.Name} do not convert to {change.Desired.StoreType}."));
            }
        }

        return checks;
    }

    /// <summary>What <c>ALTER TABLE ADD COLUMN</c> accepts: no key, no FK, not STORED, and NOT NULL only with a constant default.</summary>
    private static bool CanAddInPlace(TableDiff table, ColumnSnapshot column)
    {
        if (table.Desired.PrimaryKey.Contains(column.Name, StringComparer.OrdinalIgnoreCase)
            || table.Desired.ForeignKeys.Any(f => f.Columns.Contains(column.Name, StringComparer.OrdinalIgnoreCase))
            || (column.ComputedSql is not null && column.IsStored))
        {
            return false;
        }

        var definition = Definition(table.Desired, column.Name);
        if (definition.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) || definition.Contains("PRIMARY", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var defaultSql = column.DefaultSql?.Trim();
        var constantDefault = defaultSql is not null && !defaultSql.StartsWith('(') && !defaultSql.StartsWith("CURRENT_", StringComparison.OrdinalIgnoreCase);
        return column.IsNullable ? defaultSql is null || constantDefault : constantDefault;
    }

    private static string Definition(TableSnapshot table, string column)
        => table.Definitions.First(d => string.Equals(d.ColumnName, column, StringComparison.OrdinalIgnoreCase)).Text;

    private static SchemaOperation CreateIndex(string table, IndexSnapshot index)
        => new(SchemaOperationKinds.CreateIndex, table, $"create index {index.Name} {index.Describe()}", [index.CreateSql + ";"]);
}
